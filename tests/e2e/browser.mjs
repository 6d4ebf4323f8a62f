// Browser tests of rapport's pages: playwright-core driving the system's
// Chromium (Debian's /usr/bin/chromium; no browser is downloaded).
//
// Usage: node browser.mjs BASE_URL   (test_browser.py starts the server)
// Prints one line per test and "N passed, N failed"; exits 1 on failure.
import { chromium } from "playwright-core";
import { dealJourney } from "./deals.mjs";

const base = process.argv[2];
if (!base) {
  console.error("usage: node browser.mjs http://127.0.0.1:PORT");
  process.exit(2);
}
const executablePath = process.env.RAPPORT_CHROMIUM || "/usr/bin/chromium";
const XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'];

// Every page needs a login: test_browser.py passes the harness's admin.
const login = process.env.RAPPORT_LOGIN;
const password = process.env.RAPPORT_PASSWORD;

// Logs the context in through the login form, as a person would.
async function logIn(page) {
  await page.goto(base + "/login?next=/");
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForURL(base + "/"),
    page.getByRole("button", { name: "Log in" }).click(),
  ]);
}

function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

// A new page that fails the test on any dialog, page error or CSP report.
async function openPage(context, problems) {
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on("dialog", async (d) => {
    problems.push("dialog fired: " + d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push("console: " + m.text());
  });
  return page;
}

async function addPerson(page, given, family) {
  await page.goto(base + "/people/new");
  await page.getByLabel("First name").fill(given);
  if (family) await page.getByLabel("Last name").fill(family);
  await Promise.all([
    page.waitForURL(/\/people\/\d+$/),
    page.getByRole("button", { name: "Add person" }).click(),
  ]);
  return page.url();
}

const tests = {
  async navigateEveryPage(page) {
    await page.goto(base + "/people");
    for (const [link, heading] of [
      ["Organizations", "Organizations"],
      ["Coach", "Coach"],
      ["People", "People"],
    ]) {
      await page.getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    await page.getByRole("link", { name: "Add a person" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a person" })
      .waitFor();
    await page.goto(base + "/organizations/new");
    await page.getByLabel("Name").fill("Initech");
    await Promise.all([
      page.waitForURL(/\/organizations\/\d+$/),
      page.getByRole("button", { name: "Add organization" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "Initech" }).waitFor();
    await page.goto(base + "/organizations");
    await page.getByRole("link", { name: "Initech" }).click();
    await page.getByRole("heading", { level: 1, name: "Initech" }).waitFor();
    const today = await page.goto(base + "/");
    expect(today.status() === 200, "today page status " + today.status());
    // The skip link is the first thing a keyboard reaches.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.className);
    expect(focused === "skip", "skip link first in tab order: " + focused);
  },

  async addPersonFactDateTouch(page) {
    const url = await addPerson(page, "Marisol", "Okafor");
    await page.getByRole("heading", { level: 1, name: "Marisol Okafor" })
      .waitFor();
    await page.getByText("Add a fact").click();
    const fact = page.getByRole("form", { name: "Add a fact" });
    await fact.getByLabel("Kind").selectOption("family");
    await fact.getByLabel("Label").fill("son");
    await fact.getByLabel("What").fill("Tomás, 9");
    await fact.getByRole("button", { name: "Add fact" }).click();
    await page.getByText("Tomás, 9").waitFor();

    await page.getByText("Add a date").click();
    const date = page.getByRole("form", { name: "Add a date" });
    await date.getByLabel("Kind").selectOption("birthday");
    await date.getByLabel("Month").selectOption("7");
    await date.getByLabel("Day", { exact: true }).fill("14");
    await date.getByLabel("Year").fill("1980");
    await date.getByRole("button", { name: "Add date" }).click();
    await page.getByText("July 14, 1980").waitFor();

    await page.getByText("Log a touch").click();
    const touch = page.getByRole("form", { name: "Log a touch" });
    await touch.getByLabel("Kind").selectOption("meeting");
    await touch.getByLabel("What happened").fill("Lunch near her office");
    await touch.getByRole("button", { name: "Log touch" }).click();
    await page.locator("ol.timeline").getByText("Lunch near her office")
      .waitFor();
    expect(page.url().startsWith(url), "back on the person's page");
  },

  async validationErrorNextToField(page) {
    await addPerson(page, "Vera");
    await page.getByText("Add a date").click();
    const date = page.getByRole("form", { name: "Add a date" });
    await date.getByLabel("Month").selectOption("2");
    await date.getByLabel("Day", { exact: true }).fill("30");
    await date.getByLabel("Year").fill("2023");
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      date.getByRole("button", { name: "Add date" }).click(),
    ]);
    expect(resp.status() === 422, "status " + resp.status());
    const err = page.locator("#date-day-error");
    await err.waitFor();
    expect(/not a date/.test(await err.textContent()), "message");
    const day = page.getByRole("form", { name: "Add a date" })
      .getByLabel("Day", { exact: true });
    expect(await day.inputValue() === "30", "typed day kept");
    expect(await day.getAttribute("aria-invalid") === "true", "aria-invalid");
    expect(await page.locator("#date-year").inputValue() === "2023",
      "typed year kept");
  },

  async searchAsYouType(page) {
    await addPerson(page, "Zebedee", "Quartermain");
    await page.goto(base + "/people");
    const before = page.url();
    await page.getByLabel("Search people").pressSequentially("quarter", {
      delay: 30,
    });
    await page.locator("#people-status", { hasText: "1 person matches" })
      .waitFor();
    await page.locator("#people-results").getByRole("link", {
      name: "Zebedee Quartermain",
    }).waitFor();
    const n = await page.locator("#people-results li").count();
    expect(n === 1, "only the match listed, got " + n);
    expect(page.url() === before, "no navigation happened");
    await page.getByLabel("Search people").fill("");
    await page.locator("#people-results li").nth(1).waitFor();
  },

  async coachHighlightsPressure(page) {
    await page.goto(base + "/coach");
    await page.getByLabel("What is it?").selectOption("seller");
    await page.getByLabel("Text", { exact: true }).fill(
      "Hi Sam, this offer expires Friday, so you should act now.");
    await page.getByRole("button", { name: "Coach it" }).click();
    const mark = page.locator("#coached mark[data-label=urgency]").first();
    await mark.waitFor();
    expect(/expires|act now/.test(await mark.textContent()), "marked text");
    await page.locator("ol.findings li").first().getByText("Try:").waitFor();
    expect(await page.getByLabel("Text", { exact: true }).inputValue()
      .then((v) => v.includes("act now")), "text kept in the box");
  },

  async xssShowsAsTyped(page, problems) {
    for (const name of XSS) {
      await addPerson(page, name);
      const h1 = await page.getByRole("heading", { level: 1 }).textContent();
      expect(h1 === name, "heading shows " + JSON.stringify(h1));
      await page.goto(base + "/people");
      await page.getByRole("link", { name, exact: true }).first().waitFor();
    }
    await page.goto(base + "/people");
    await page.getByLabel("Search people").pressSequentially("alert");
    await page.locator("#people-results").getByRole("link", {
      name: XSS[0], exact: true,
    }).waitFor();
    await page.waitForTimeout(300);
    expect(!problems.some((p) => p.startsWith("dialog")), "no dialog");
    const imgs = await page.locator("img").count();
    expect(imgs === 0, "no injected img element");
  },
};

tests.dealJourney = dealJourney(base, expect, "js");

// The same journeys with JavaScript off: forms and GET search still work.
const noJsTests = {
  dealJourneyWithoutJavaScript: dealJourney(base, expect, "nojs"),
  async pagesWorkWithoutJavaScript(page) {
    await addPerson(page, "Nojs", "Person");
    await page.getByText("Add a fact").click();
    const fact = page.getByRole("form", { name: "Add a fact" });
    await fact.getByLabel("What").fill("Plays the cello");
    await fact.getByRole("button", { name: "Add fact" }).click();
    await page.getByText("Plays the cello").waitFor();
    await page.goto(base + "/people");
    await page.getByLabel("Search people").fill("nojs");
    await Promise.all([
      page.waitForURL(/\/people\?q=nojs/),
      page.getByRole("button", { name: "Show" }).click(),
    ]);
    await page.locator("#people-results").getByRole("link", {
      name: "Nojs Person",
    }).waitFor();
    await page.goto(base + "/coach");
    await page.getByLabel("Text", { exact: true }).fill("Act now!");
    await page.getByRole("button", { name: "Coach it" }).click();
    await page.locator("#coached mark").first().waitFor();
    const s = await page.getByLabel("Search people").count();
    expect(s === 0, "coach page has no search box");
  },
};

async function runAll() {
  let passed = 0, failed = 0;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    for (const [set, js] of [[tests, true], [noJsTests, false]]) {
      for (const [name, fn] of Object.entries(set)) {
        const context = await browser.newContext({ javaScriptEnabled: js });
        const problems = [];
        const page = await openPage(context, problems);
        try {
          await logIn(page);
          await fn(page, problems);
          const bad = problems.filter((p) => !p.includes("422") &&
            !p.includes("Failed to load resource"));
          expect(bad.length === 0, bad.join("; "));
          passed++;
          console.log("ok   " + name);
        } catch (e) {
          failed++;
          console.log("FAIL " + name + ": " + (e && e.message));
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

runAll().then((code) => process.exit(code), (e) => {
  console.log("FAIL browser: " + (e && e.stack || e));
  console.log("0 passed, 1 failed");
  process.exit(1);
});
