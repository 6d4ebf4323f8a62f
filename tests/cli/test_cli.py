"""Tests of the rapport command line, run as a user runs it.

Each test gets its own temporary database. They check output, exit codes
(0 success, 1 failure, 2 usage error), one-line error messages on stderr,
that --help works for every command and that --json parses.

usage: test_cli.py PATH-TO-RAPPORT
"""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

from harness import expect, expect_eq, main, run_cli

BINARY = sys.argv[1] if len(sys.argv) > 1 else "rapport"

# Every command of the table, as its words on the command line.
COMMANDS = [
    ["init"], ["people", "add"], ["people", "list"], ["people", "show"],
    ["people", "edit"], ["people", "rm"], ["fact", "add"], ["fact", "list"],
    ["fact", "rm"], ["log"], ["today"], ["search"],
]


class Db:
    """A temporary database file that goes away with the test."""

    def __init__(self, demo=False, init=True):
        self.dir = tempfile.mkdtemp(prefix="rapport-cli-")
        self.path = os.path.join(self.dir, "test.db")
        if init:
            args = ["init"] + (["--demo"] if demo else [])
            code, out, err = self.run(*args)
            expect_eq(code, 0, "init exit code (stderr: %s)" % err)

    def run(self, *args, env=None):
        """Runs rapport with --db pointing here."""
        return run_cli(BINARY, *(list(args) + ["--db", self.path]), env=env)

    def json(self, *args):
        code, out, err = self.run(*(list(args) + ["--json"]))
        expect_eq(code, 0, "exit code of %s (stderr: %s)" % (args, err))
        return json.loads(out)

    def add(self, *args):
        """Adds a person; returns their id."""
        return self.json("people", "add", *args)["id"]

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def with_db(demo=False):
    def wrap(fn):
        def test():
            db = Db(demo=demo)
            try:
                fn(db)
            finally:
                db.close()
        test.__name__ = fn.__name__
        return test
    return wrap


def expect_one_line_error(err, *words):
    lines = err.strip("\n").split("\n")
    expect_eq(len(lines), 1, "stderr lines (%r)" % err)
    expect(lines[0].startswith("rapport"), "error prefix: %r" % err)
    for w in words:
        expect(w in err, "%r not in stderr %r" % (w, err))


def expect_usage(db, args, *words):
    code, out, err = db.run(*args)
    expect_eq(code, 2, "exit code of %s (stderr %r)" % (args, err))
    expect_one_line_error(err, "--help", *words)


def expect_invalid(db, args, *words):
    code, out, err = db.run(*args)
    expect_eq(code, 1, "exit code of %s (stderr %r)" % (args, err))
    expect_one_line_error(err, *words)


# ---- help and dispatch ----

def test_help_lists_every_command():
    code, out, err = run_cli(BINARY, "help")
    expect_eq(code, 0, "exit code")
    for words in COMMANDS + [["serve"]]:
        expect(" ".join(words) in out, "%s missing from help" % words)


def test_every_command_has_help():
    for words in COMMANDS:
        code, out, err = run_cli(BINARY, *(words + ["--help"]))
        expect_eq(code, 0, "exit code of %s --help" % words)
        expect(out.startswith("usage: rapport " + " ".join(words)),
               "usage of %s: %r" % (words, out[:80]))
        expect("--db PATH" in out, "--db in help of %s" % words)
        expect_eq(err, "", "stderr of %s --help" % words)


def test_group_without_subcommand_lists_subcommands():
    code, out, err = run_cli(BINARY, "people")
    expect_eq(code, 2, "exit code")
    for sub in ("add", "list", "show", "edit", "rm"):
        expect("people " + sub in out, "people %s listed" % sub)
    code, out, err = run_cli(BINARY, "people", "--help")
    expect_eq(code, 0, "exit code of people --help")
    code, out, err = run_cli(BINARY, "people", "frobnicate")
    expect_eq(code, 2, "exit code of an unknown subcommand")
    expect_one_line_error(err, "frobnicate")


def test_unknown_command_is_usage_error():
    code, out, err = run_cli(BINARY, "frobnicate")
    expect_eq(code, 2, "exit code")
    expect_one_line_error(err, "frobnicate")


def test_missing_database_is_refused():
    d = tempfile.mkdtemp(prefix="rapport-cli-")
    try:
        path = os.path.join(d, "nothing.db")
        code, out, err = run_cli(BINARY, "people", "list", "--db", path)
        expect_eq(code, 1, "exit code")
        expect_one_line_error(err, "rapport init")
        expect(not os.path.exists(path), "no database made by a typo")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def test_rapport_db_environment_variable():
    db = Db()
    try:
        env = dict(os.environ, RAPPORT_DB=db.path)
        code, out, err = run_cli(BINARY, "people", "add", "--given", "Env",
                                 env=env)
        expect_eq(code, 0, "exit code (%s)" % err)
        code, out, err = db.run("people", "list")
        expect("Env" in out, "person added through $RAPPORT_DB")
    finally:
        db.close()


# ---- init ----

def test_init_creates_database():
    db = Db(init=False)
    try:
        code, out, err = db.run("init")
        expect_eq(code, 0, "exit code (%s)" % err)
        expect(os.path.exists(db.path), "file created")
        expect("created" in out, "says created: %r" % out)
        code, out, err = db.run("init", "--json")
        expect_eq(code, 0, "second init is fine")
        j = json.loads(out)
        expect_eq(j["created"], False, "created")
        expect(j["schema_version"] >= 1, "schema version")
    finally:
        db.close()


def test_init_demo_twice_is_refused():
    db = Db(init=False)
    try:
        code, out, err = db.run("init", "--demo", "--json")
        expect_eq(code, 0, "exit code (%s)" % err)
        demo = json.loads(out)["demo"]
        expect(25 <= demo["people"] <= 30, "people: %r" % demo)
        expect_eq(demo["organizations"], 6, "organizations")
        expect(demo["facts"] > 40 and demo["interactions"] > 20,
               "facts and touches: %r" % demo)
        code, out, err = db.run("init", "--demo")
        expect_eq(code, 1, "exit code of a second --demo")
        expect_one_line_error(err, "already")
        people = db.json("people", "list", "--limit", "500")["items"]
        expect_eq(len(people), demo["people"], "nothing added twice")
    finally:
        db.close()


def test_init_demo_into_used_database_is_refused():
    db = Db()
    try:
        db.add("--given", "Existing")
        code, out, err = db.run("init", "--demo")
        expect_eq(code, 1, "exit code")
        expect_one_line_error(err, "--db")
        expect_eq(len(db.json("people", "list")["items"]), 1, "unchanged")
    finally:
        db.close()


@with_db(demo=True)
def test_demo_data_looks_alive(db):
    t = db.json("today")
    expect(len(t["due"]) >= 3, "several people due: %r" % t["due"])
    expect(any(d["past_max"] for d in t["due"]), "someone past max")
    soon = [d for d in t["dates"] if d["in_days"] <= 14]
    expect(len(soon) >= 2, "dates in the next 14 days: %r" % t["dates"])
    expect(len(t["followups"]) >= 1, "a follow-up due")
    found = False
    for p in db.json("people", "list", "--limit", "500")["items"]:
        show = db.json("people", "show", str(p["id"]))
        for d in show["dates"]:
            if d["month"] == 2 and d["day"] == 29:
                found = True
    expect(found, "a birthday on 29 February")


# ---- people ----

@with_db()
def test_people_add_and_show(db):
    code, out, err = db.run(
        "people", "add", "--given", "Ana", "--family", "Silva",
        "--org", "Acme Bakery", "--title", "Owner", "--email",
        "ana@acme.example", "--email", "ana.home@mail.example", "--phone",
        "+1 555 0100", "--tag", "client", "--cadence", "30",
        "--how-met", "Trade fair", "--met-on", "2024-05-02",
        "--notes", "Prefers mornings")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("added person" in out and "Ana Silva" in out, "output %r" % out)
    expect("created organization 'Acme Bakery'" in err, "org note %r" % err)
    pid = int(out.split("person ")[1].split(":")[0])
    code, out, err = db.run("people", "show", str(pid))
    expect_eq(code, 0, "show exit code (%s)" % err)
    for want in ("Ana Silva", "Owner, Acme Bakery", "ana@acme.example",
                 "ana.home@mail.example", "+1 555 0100", "client",
                 "Trade fair", "every 30 days", "Prefers mornings"):
        expect(want in out, "%r in show output:\n%s" % (want, out))
    j = db.json("people", "show", str(pid))
    expect_eq(j["person"]["given_name"], "Ana", "given_name")
    expect_eq(j["person"]["cadence_days"], 30, "cadence_days")
    expect_eq(j["cadence"]["ideal_days"], 30, "resolved cadence")
    expect_eq(len(j["person"]["contacts"]), 3, "contacts")
    # A second person in the same organization by name reuses it.
    code, out, err = db.run("people", "add", "--given", "Bo", "--org",
                            "acme bakery", "--json")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect_eq(json.loads(out)["org_id"], j["person"]["org_id"], "same org")
    expect("created organization" not in err, "no second org")


@with_db()
def test_people_add_usage_errors(db):
    expect_usage(db, ["people", "add"], "--given")
    expect_usage(db, ["people", "add", "--given"], "needs a value")
    expect_usage(db, ["people", "add", "--given", "--family", "B"],
                 "--given needs a value")
    expect_usage(db, ["people", "add", "--given", "A", "--bogus", "x"],
                 "--bogus")
    expect_usage(db, ["people", "add", "--given", "A", "--cadence", "often"],
                 "--cadence", "often")
    expect_usage(db, ["people", "add", "--given", "A", "--cadence", "12x"],
                 "--cadence")
    expect_usage(db, ["people", "add", "--given", "A", "--referred-by",
                      "-3"], "--referred-by")
    expect_usage(db, ["people", "add", "--given", "A", "extra"], "extra")
    expect_usage(db, ["people", "add", "--given", "A", "--clear-title"],
                 "--clear-title")
    expect_eq(db.json("people", "list")["items"], [], "nothing added")


@with_db()
def test_people_add_validation_errors(db):
    expect_invalid(db, ["people", "add", "--given", ""], "given_name")
    expect_invalid(db, ["people", "add", "--given", "   "], "given_name")
    expect_invalid(db, ["people", "add", "--given", "A", "--met-on",
                        "2023-02-30"], "2023-02-30")
    expect_invalid(db, ["people", "add", "--given", "A", "--tag",
                        "Not A Tag"], "tag")
    expect_invalid(db, ["people", "add", "--given", "A", "--cadence", "30",
                        "--cadence-max", "10"], "cadence")
    expect_invalid(db, ["people", "add", "--given", "A", "--referred-by",
                        "999"], "referred")
    expect_invalid(db, ["people", "add", "--given", "A" * 300], "given_name")
    code, out, err = db.run("people", "add", "--given", "A", "--given",
                            "B\x01")
    expect_eq(code, 1, "control character refused")
    expect_eq(db.json("people", "list")["items"], [], "nothing added")


@with_db()
def test_people_list_table_and_paging(db):
    ids = [db.add("--given", "Person%d" % i, "--tag",
                  "client" if i % 2 else "friend") for i in range(5)]
    code, out, err = db.run("people", "list")
    expect_eq(code, 0, "exit code")
    lines = out.strip().split("\n")
    expect(lines[0].startswith("ID") and "NAME" in lines[0], "header")
    expect_eq(len(lines), 6, "header and five rows")
    page = db.json("people", "list", "--limit", "2")
    expect_eq([p["id"] for p in page["items"]], ids[:2], "first page")
    expect(page["next_cursor"] is not None, "a cursor")
    page2 = db.json("people", "list", "--limit", "2", "--cursor",
                    str(page["next_cursor"]))
    expect_eq([p["id"] for p in page2["items"]], ids[2:4], "second page")
    code, out, err = db.run("people", "list", "--limit", "2")
    expect("--cursor" in out, "readable output says how to go on")
    clients = db.json("people", "list", "--tag", "client")["items"]
    expect_eq(len(clients), 2, "filtered by tag")
    expect_usage(db, ["people", "list", "--limit", "0"], "--limit")
    expect_usage(db, ["people", "list", "--limit", "9999"], "--limit")
    expect_usage(db, ["people", "list", "--org", "abc"], "--org")


@with_db()
def test_people_show_missing_person(db):
    expect_invalid(db, ["people", "show", "424242"])
    expect_usage(db, ["people", "show"], "missing")
    expect_usage(db, ["people", "show", "x1"], "x1")


@with_db()
def test_people_edit_changes_and_clears(db):
    pid = db.add("--given", "Ana", "--family", "Silva", "--title", "Owner",
                 "--email", "a@x.example", "--phone", "+1 555 0100",
                 "--tag", "client", "--notes", "n", "--cadence", "20")
    p = db.json("people", "edit", str(pid), "--title", "", "--clear-notes",
                "--family", "Souza")
    expect_eq(p["title"], None, "title cleared by empty value")
    expect_eq(p["notes"], None, "notes cleared by --clear-notes")
    expect_eq(p["family_name"], "Souza", "family changed")
    expect_eq(p["given_name"], "Ana", "given kept")
    expect_eq(p["cadence_days"], 20, "cadence kept")
    p = db.json("people", "edit", str(pid), "--clear-email", "--clear-tag",
                "--clear-cadence")
    kinds = [c["kind"] for c in p["contacts"]]
    expect_eq(kinds, ["phone"], "emails cleared, phone kept")
    expect_eq(p["tags"], [], "tags cleared")
    expect_eq(p["cadence_days"], None, "cadence cleared")
    code, out, err = db.run("people", "edit", str(pid), "--email",
                            "new@x.example")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("updated person" in out, "output %r" % out)
    expect_invalid(db, ["people", "edit", str(pid), "--given", ""],
                   "given_name")
    expect_invalid(db, ["people", "edit", "999", "--title", "x"])
    expect_usage(db, ["people", "edit", str(pid), "--cadence", "soon"],
                 "--cadence")


@with_db()
def test_people_rm_needs_yes_without_a_terminal(db):
    pid = db.add("--given", "Ana")
    code, out, err = db.run("people", "rm", str(pid))
    expect_eq(code, 2, "exit code")
    expect_one_line_error(err, "--yes")
    expect_eq(len(db.json("people", "list")["items"]), 1, "still there")
    code, out, err = db.run("people", "rm", str(pid), "--yes")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("deleted person" in out and "Ana" in out, "output %r" % out)
    expect_eq(db.json("people", "list")["items"], [], "gone")
    expect_invalid(db, ["people", "rm", str(pid), "--yes"])
    other = db.add("--given", "Bo")
    expect_eq(db.json("people", "rm", str(other), "--yes"),
              {"id": other, "deleted": True}, "rm --json")


def rm_at_terminal(db, pid, answer):
    """Runs people rm with a pseudo-terminal on stdin, typing answer."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen([BINARY, "people", "rm", str(pid), "--db",
                              db.path], stdin=slave, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        os.write(master, answer.encode() + b"\n")
        out, err = p.communicate(timeout=30)
        return p.returncode, out.decode(), err.decode()
    finally:
        os.close(master)
        os.close(slave)


@with_db()
def test_people_rm_asks_at_a_terminal(db):
    pid = db.add("--given", "Ana")
    code, out, err = rm_at_terminal(db, pid, "n")
    expect_eq(code, 1, "exit code after answering no (%s)" % err)
    expect("Delete Ana" in out, "asks: %r" % out)
    expect_one_line_error(err, "not deleted")
    expect_eq(len(db.json("people", "list")["items"]), 1, "still there")
    code, out, err = rm_at_terminal(db, pid, "y")
    expect_eq(code, 0, "exit code after answering yes (%s)" % err)
    expect_eq(db.json("people", "list")["items"], [], "gone")


# ---- facts ----

@with_db()
def test_fact_add_list_rm(db):
    pid = db.add("--given", "Ana")
    code, out, err = db.run("fact", "add", str(pid), "--kind", "family",
                            "--label", "daughter", "--value", "Maya, 7",
                            "--learned-on", "2025-01-10")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("daughter" in out and "Maya, 7" in out, "output %r" % out)
    f = db.json("fact", "add", str(pid), "--kind", "food", "--label",
                "coffee", "--value", "oat flat white")
    expect_eq(f["kind"], "food", "kind")
    code, out, err = db.run("fact", "list", str(pid))
    expect("oat flat white" in out and "2025-01-10" in out, "list %r" % out)
    show = db.run("people", "show", str(pid))[1]
    expect(show.index("Family") < show.index("Food"), "family first")
    items = db.json("fact", "list", str(pid))["items"]
    expect_eq(len(items), 2, "two facts")
    code, out, err = db.run("fact", "rm", str(f["id"]))
    expect_eq(code, 0, "rm exit code (%s)" % err)
    expect("deleted fact" in out, "rm output %r" % out)
    f2 = db.json("fact", "add", str(pid), "--kind", "pet", "--label", "cat",
                 "--value", "Tom")
    expect_eq(db.json("fact", "rm", str(f2["id"])),
              {"id": f2["id"], "deleted": True}, "rm --json")
    expect_eq(len(db.json("fact", "list", str(pid))["items"]), 1, "one left")
    expect_usage(db, ["fact", "add", str(pid), "--kind", "hobby", "--label",
                      "x", "--value", "y"], "hobby")
    expect_usage(db, ["fact", "add", str(pid), "--label", "x"], "--kind")
    expect_usage(db, ["fact", "add", "--kind", "like", "--label", "x",
                      "--value", "y"], "PERSON")
    expect_invalid(db, ["fact", "add", str(pid), "--kind", "like",
                        "--label", "x", "--value", ""], "value")
    expect_invalid(db, ["fact", "add", "999", "--kind", "like", "--label",
                        "x", "--value", "y"])
    expect_invalid(db, ["fact", "rm", "999"])


# ---- log ----

@with_db()
def test_log_records_an_interaction(db):
    a = db.add("--given", "Ana")
    b = db.add("--given", "Ben")
    code, out, err = db.run("log", "--person", str(a), "--person", str(b),
                            "--kind", "meeting", "--summary", "Lunch",
                            "--follow-up", "2030-01-02")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("Ana" in out and "Ben" in out and "2030-01-02" in out,
           "output %r" % out)
    i = db.json("log", "--person", str(a), "--kind", "call", "--summary",
                "Quick call", "--at", "2025-03-02T15:00:00Z")
    expect_eq(i["occurred_at"], "2025-03-02T15:00:00Z", "occurred_at")
    expect_eq(i["people"], [a], "people")
    show = db.run("people", "show", str(b))[1]
    expect("Lunch" in show, "timeline shows the touch")
    expect_usage(db, ["log", "--kind", "call", "--summary", "x"], "--person")
    expect_usage(db, ["log", "--person", str(a), "--kind", "pigeon",
                      "--summary", "x"], "pigeon")
    expect_usage(db, ["log", "--person", "abc", "--kind", "call",
                      "--summary", "x"], "--person")
    expect_invalid(db, ["log", "--person", str(a), "--kind", "call",
                        "--summary", ""], "summary")
    expect_invalid(db, ["log", "--person", str(a), "--kind", "call",
                        "--summary", "x", "--at", "yesterday-ish"], "RFC 3339")
    expect_invalid(db, ["log", "--person", str(a), "--kind", "call",
                        "--summary", "x", "--at", "2999-01-01T00:00:00Z"],
                   "occurred_at")
    expect_invalid(db, ["log", "--person", str(a), "--person", str(a),
                        "--kind", "call", "--summary", "x"])
    expect_invalid(db, ["log", "--person", "999", "--kind", "call",
                        "--summary", "x"])


# ---- today ----

@with_db(demo=True)
def test_today_shows_overdue_demo_people(db):
    code, out, err = db.run("today")
    expect_eq(code, 0, "exit code (%s)" % err)
    for head in ("Due for a touch", "Dates coming up", "Follow-ups due"):
        expect(head in out, "%r in output" % head)
    expect("days overdue" in out, "someone overdue:\n%s" % out)
    expect("last touch" in out, "says when the last touch was")
    t = db.json("today", "--days", "30")
    expect(t["due"][0]["days_overdue"] > 0, "most overdue first")
    for d in t["due"]:
        expect(d["name"] in out, "%s listed" % d["name"])
    expect_usage(db, ["today", "--days", "many"], "--days")
    expect_usage(db, ["today", "--days", "400"], "--days")


@with_db(demo=True)
def test_today_limit_shows_the_first_and_the_total(db):
    full = db.json("today")
    expect(full["totals"]["due"] >= 2, "at least two due: %r" % full)
    expect_eq(full["totals"]["due"], len(full["due"]), "all shown")
    code, out, err = db.run("today", "--limit", "1")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("Due for a touch (%d, the first 1)" % full["totals"]["due"]
           in out, "count and page:\n%s" % out)
    one = db.json("today", "--limit", "1")
    expect_eq([d["person_id"] for d in one["due"]],
              [full["due"][0]["person_id"]], "the most overdue")
    expect_eq(one["totals"], full["totals"], "same totals")
    expect_usage(db, ["today", "--limit", "0"], "--limit")
    expect_usage(db, ["today", "--limit", "501"], "--limit")


@with_db(demo=True)
def test_log_moves_a_person_off_the_due_list(db):
    before = db.json("today")["due"]
    expect(before, "someone is due")
    who = before[0]
    code, out, err = db.run("log", "--person", str(who["person_id"]),
                            "--kind", "call", "--summary", "Caught up")
    expect_eq(code, 0, "exit code (%s)" % err)
    after = db.json("today")["due"]
    expect(who["person_id"] not in [d["person_id"] for d in after],
           "%s no longer due" % who["name"])
    expect_eq(len(after), len(before) - 1, "one fewer due")


@with_db()
def test_today_on_an_empty_database(db):
    code, out, err = db.run("today")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("nobody" in out, "nobody due: %r" % out)
    t = db.json("today")
    expect_eq((t["due"], t["dates"], t["followups"]), ([], [], []), "empty")


# ---- search ----

@with_db(demo=True)
def test_search_finds_demo_person_by_prefix(db):
    code, out, err = db.run("search", "mar")
    expect_eq(code, 0, "exit code (%s)" % err)
    expect("Marcus Johnson" in out, "Marcus found: %r" % out)
    hits = db.json("search", "kap")["items"]
    expect(any(h["name"] == "Ravi Kapoor" for h in hits), "Ravi: %r" % hits)
    hits = db.json("search", "greyhound")["items"]
    expect(any(h["name"] == "Hannah Becker" for h in hits), "by a fact")
    code, out, err = db.run("search", "zzzqqq")
    expect_eq(code, 0, "no hits is not an error")
    expect("no matches" in out, "says so")
    expect_eq(db.json("search", "mar", "--limit", "1")["items"][:2].__len__(),
              1, "limit")
    expect_usage(db, ["search"], "QUERY")
    expect_usage(db, ["search", "mar", "--limit", "none"], "--limit")


if __name__ == "__main__":
    main([v for k, v in sorted(globals().items())
          if k.startswith("test_") and callable(v)])
