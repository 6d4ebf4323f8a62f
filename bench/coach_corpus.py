#!/usr/bin/env python3
"""Writes the coach benchmark's text: SIZE bytes of seller and buyer texts,
one a line, as an exported mailbox would be.

usage: coach_corpus.py SIZE_BYTES OUT

Texts are made by drawing sentences at random (fixed seed, so every run
reads the same text) from the lists below: ordinary business email, a
share of pressure language and of buyer concerns, names and figures
varied. Written for this benchmark; not taken from any data set.
"""
import random
import sys

NAMES = ["Dana", "Tom", "Priya", "Ahmed", "Laura", "Kevin", "Jess", "Mark",
         "Sofia", "Ben", "Chen", "Maria", "Olu", "Hannah", "Raj", "Eva"]
ITEMS = ["the platform", "the annual plan", "the solar system", "the policy",
         "the membership", "the kitchen", "the scanner", "the CRM",
         "onboarding", "the pilot", "the premium tier", "support"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

PLAIN = [
    "Hi {n}, thanks for your time on {d}.",
    "I've attached the summary of what we discussed about {i}.",
    "Let me know if anything in the proposal is unclear.",
    "Happy to set up a call with our engineers if that would help.",
    "The implementation usually takes about {k} weeks from kickoff.",
    "Could you tell me a bit more about how your team works today?",
    "Here are two references of a similar size you can call.",
    "Our support team replies within {k} hours on weekdays.",
    "I've noted that your board meets on the {k}th.",
    "Would a short trial of {i} help your team decide?",
    "If the timing isn't right, that's completely fine.",
    "What would success look like for you in six months?",
    "The price of {i} includes training and setup.",
    "Best regards, {n}",
    "Thanks again, and enjoy the weekend.",
    "We can shift the rollout if your audit moves.",
    "The contract can be cancelled at any renewal with 60 days' notice.",
    "I spoke to product and the export to CSV is on the roadmap for Q{q}.",
]
PRESSURE = [
    "This discount on {i} ends {d}, so sign today.",
    "Only {k} spots left this quarter, grab one while you can.",
    "Trust me, the migration is a breeze.",
    "You need {i}, your business needs it.",
    "I need this deal for my quota this month.",
    "Which card should I put the deposit on?",
    "Don't you care about your team's future?",
    "Shall we start {d} or {d2}?",
    "Don't overthink it, everybody says that at first.",
    "My manager will only approve this price until {d}.",
]
BUYER = [
    "It's more than we budgeted for {i}.",
    "I'll need to talk to my partner first.",
    "Can you get back to me next month?",
    "What happens if it doesn't work for us?",
    "We're also looking at another vendor.",
    "Does it integrate with our ERP?",
    "I'm not sure we'd use {i} enough.",
    "Sounds good, see you {d}.",
    "Thanks, the team enjoyed the demo.",
    "Could you resend the invoice to accounts?",
]


def sentence(rng, pool):
    d, d2 = rng.sample(DAYS, 2)
    return rng.choice(pool).format(n=rng.choice(NAMES), i=rng.choice(ITEMS),
                                   d=d, d2=d2, k=rng.randint(2, 28),
                                   q=rng.randint(1, 4))


def main():
    size = int(sys.argv[1])
    rng = random.Random(4)
    written = 0
    seller = True
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        while written < size:
            parts = []
            for _ in range(rng.randint(1, 6)):
                if seller:
                    pool = PRESSURE if rng.random() < 0.2 else PLAIN
                else:
                    pool = BUYER
                parts.append(sentence(rng, pool))
            line = " ".join(parts) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            seller = not seller


if __name__ == "__main__":
    main()
