// Browser journeys through the deal pages, run by browser.mjs with
// JavaScript on and off: start a deal, find it on the board, open it,
// add a concern in the buyer's words, answer it, mark it resolved when
// the buyer confirms, move the stage, add a late plan step, log a touch
// on the deal, find the step on today's list, and see the measures
// drawn as SVG.

// Returns the journey as a test function for browser.mjs.
export function dealJourney(base, expect, tag) {
  return async function (page) {
    const org = "Journey " + tag;
    await page.goto(base + "/organizations/new");
    await page.getByLabel("Name").fill(org);
    await Promise.all([
      page.waitForURL(/\/organizations\/\d+$/),
      page.getByRole("button", { name: "Add organization" }).click(),
    ]);
    await page.getByRole("link", { name: "Start a deal" }).click();
    const title = "Fleet renewal " + tag;
    const form = page.getByRole("form", { name: "Start a deal" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Their need, in their words")
      .fill("We cannot see which vans are due for service.");
    await form.getByLabel("Estimated value").fill("18000");
    await form.getByLabel("Currency").fill("EUR");
    await form.getByLabel("Owner").fill("Rosa");
    await Promise.all([
      page.waitForURL(/\/deals\/\d+$/),
      form.getByRole("button", { name: "Start deal" }).click(),
    ]);

    // The board: the card sits in the exploring column.
    await page.getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Deals", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Deals" }).waitFor();
    const column = page.locator("section.stage-col", {
      has: page.getByRole("heading", { name: /Exploring/ }),
    });
    const card = column.getByRole("link", { name: title });
    await card.waitFor();
    await card.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("We cannot see which vans are due").waitFor();

    // The concern ledger: add, answer, resolve.
    await page.getByText("Add a concern").click();
    const add = page.getByRole("form", { name: "Add a concern" });
    await add.getByLabel("Category").selectOption("risk");
    await add.getByLabel("In the buyer's words")
      .fill("Our drivers will not learn another app.");
    await add.getByRole("button", { name: "Add concern" }).click();
    const concern = page.locator("li.concern", {
      hasText: "Our drivers will not learn another app.",
    });
    await concern.waitFor();
    expect(await concern.getAttribute("class") === "concern open",
      "the new concern is open");
    await concern.getByText("Answer it").click();
    await concern.getByLabel("The information given, in a sentence or two")
      .fill("The driver view is one screen; we train them on site.");
    await concern.getByRole("button", { name: "Record the answer" }).click();
    await page.locator("li.concern.answered").getByText("one screen")
      .waitFor();
    await page.locator("li.concern.answered")
      .getByRole("button", { name: "The buyer confirmed: resolved" })
      .click();
    await page.locator("li.concern.resolved").waitFor();
    await page.getByText("0 unsettled").waitFor();

    // An illegal move shows core's message beside the form, not a 500.
    const move = page.getByRole("form", { name: "Move the stage" });
    const [same] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      move.getByRole("button", { name: "Move stage" }).click(),
    ]);
    expect(same.status() === 422, "same stage is refused: " + same.status());
    await page.locator("#stage-stage-error").waitFor();

    // Move the stage with a reason; the timeline tells it.
    const move2 = page.getByRole("form", { name: "Move the stage" });
    await move2.getByLabel("Buyer's stage").selectOption("evaluating");
    await move2.getByLabel("What happened (optional)")
      .fill("They asked for a trial plan");
    await move2.getByRole("button", { name: "Move stage" }).click();
    await page.locator("ol.timeline")
      .getByText("Stage: Exploring → Evaluating").waitFor();
    expect(/evaluating/i.test(await page.locator(".badge.stage")
      .textContent()), "badge shows the new stage");

    // A step on the plan that is already late, and a touch on the deal
    // with someone at the organization; the touch is on the timeline.
    const dealUrl = page.url().split("#")[0];
    await page.getByText("Add a step").click();
    const step = page.getByRole("form", { name: "Add a step" });
    const stepTitle = "Send the service history " + tag;
    await step.getByLabel("Step", { exact: true }).fill(stepTitle);
    await step.getByLabel("Whose step").selectOption("seller");
    const yesterday = new Date(Date.now() - 2 * 86400000)
      .toISOString().slice(0, 10);
    await step.getByLabel("Due on").fill(yesterday);
    await step.getByRole("button", { name: "Add step" }).click();
    await page.locator("li.step.overdue").getByText(stepTitle).waitFor();
    await page.goto(base + "/people/new");
    await page.getByLabel("First name").fill("Vera " + tag);
    await page.getByLabel("Organization").selectOption({ label: org });
    await Promise.all([
      page.waitForURL(/\/people\/\d+$/),
      page.getByRole("button", { name: "Add person" }).click(),
    ]);
    await page.goto(dealUrl);
    const touch = page.getByRole("form", { name: "Log a touch on this deal" });
    await touch.getByLabel("Kind").selectOption("meeting");
    await touch.getByLabel("With", { exact: true }).selectOption({ label: "Vera " + tag });
    await touch.getByLabel("What happened").fill("Walked the depot " + tag);
    await touch.getByRole("button", { name: "Log touch" }).click();
    await page.locator("ol.timeline").getByText("Walked the depot " + tag)
      .waitFor();

    // Today's list: the late step, linking to the deal's plan.
    await page.goto(base + "/");
    const deals = page.locator("section", {
      has: page.getByRole("heading", { level: 2, name: "Deals" }),
    });
    const late = deals.locator("ul.steps-due li", { hasText: stepTitle });
    await late.waitFor();
    expect(/overdue/.test(await late.textContent()), "the step is overdue");
    await late.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();

    // The measures, drawn by the server.
    await page.goto(base + "/metrics");
    await page.getByRole("heading", { level: 1, name: "What trust earns" })
      .waitFor();
    const chart = page.getByRole("img", { name: /Per quarter/ }).first();
    await chart.waitFor();
    const box = await chart.boundingBox();
    expect(box && box.width > 100 && box.height > 50, "chart drawn");
  };
}
