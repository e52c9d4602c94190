"""What the load-test courses say: lesson bodies and quiz questions, as StreamField raw data.

Written for the benchmark in plain words; a few templates varied by course and lesson number
give bodies of realistic size (about 600 to 900 words) and block mix. Block ids are derived
from the course and lesson, so a re-run writes the same content.
"""

from __future__ import annotations

import uuid

# A namespace for the benchmark's stable ids (block ids, question and choice ids).
BENCH_NAMESPACE = uuid.UUID("6f1d2c1e-8a57-4c1b-9d0f-3b7e5a2c9e41")

SUBJECTS = [
    "Flood warnings",
    "Earthquake shelters",
    "Evacuation planning",
    "Interpreters in emergencies",
    "Heatwave outreach",
    "Safe registration",
    "Emergency shelters",
    "Family tracing",
    "Crowd movement",
    "Lost documents",
    "Community radio",
    "Cross-border movement",
    "Workers in remote camps",
    "Storm preparedness",
    "Wildfire response",
    "Medical triage with interpreters",
    "Psychological first aid",
    "Cash assistance",
    "Temporary housing",
    "Returning home",
]

TOPICS = [
    "who lives in the area",
    "the people who are missed",
    "trusted contacts",
    "the languages people speak",
    "warning messages",
    "sirens and alerts",
    "meeting points",
    "transport out",
    "shelters that welcome everyone",
    "people without papers",
    "employers and recruiters",
    "consulates and embassies",
    "counting people safely",
    "personal data",
    "children on their own",
    "older people and disability",
    "health care on the move",
    "rumours and false news",
    "phone lines and messaging",
    "the first hour",
    "the first day",
    "the first week",
    "food and water",
    "cash and vouchers",
    "lost and found documents",
    "reuniting families",
    "complaints and feedback",
    "working with volunteers",
    "staying safe as a responder",
    "handing over to other teams",
    "checking the plan",
    "a table-top exercise",
    "a full-scale drill",
    "what went well",
    "what to change",
    "recovery plans",
    "jobs and income",
    "schools and training",
    "long-term housing",
    "remembering and learning",
]

PARAGRAPHS = [
    "<p>Start with {topic}. In most places the emergency plan was written by people who speak "
    "the national language, have a car and know which office to call. Many of the people you "
    "will try to help have none of these. Before anything goes wrong, write down what you "
    "already know about {topic}, and mark what is a guess. A guess that nobody checked is "
    "the first thing to fail when the water rises or the roads close.</p>",
    "<p>Talk to people before you need them. A short visit to a community centre, a shop "
    "owner who sends money home for many families, or a priest who holds services in another "
    "language will tell you more about {topic} than any report. Ask what they would do if a "
    "warning came tonight, where they would go, and whom they would call. Write the answers "
    "down with their permission, and come back to say what you changed because of them.</p>",
    "<p>Keep messages short and concrete. Say what is happening, where, what people should do "
    "now and where to find help. Use words a twelve-year-old would understand, and test every "
    "message with two or three people who will receive it. When a message about {topic} is "
    "translated, ask someone else to translate it back: the differences show you which words "
    "confuse people, and they are often the words you thought were obvious.</p>",
    "<p>Fear keeps people away from help. A worker whose employer keeps her passport, a "
    "family without a residence permit, or a student whose visa has expired may stay in a "
    "dangerous building rather than meet a uniform. Say clearly, and often, that emergency "
    "help is for everyone and that shelters do not check papers. Make sure that this is true "
    "in practice, and that the people at the door have been told about {topic} as well.</p>",
    "<p>Plan for the people who cannot move on their own: people without a car, people who "
    "work far from town, people with small children or a disability, and people who do not "
    "know the way. For each of them, the plan should say who will tell them, who will carry "
    "them and where they will sleep. If the answer to any of these is “they will manage”, "
    "the plan has a gap, and {topic} is a good place to start closing it.</p>",
    "<p>Write things down once, in one place. During an emergency, teams change every few "
    "hours and memories are tired. A simple shared list of contacts, languages, addresses and "
    "promises made helps the next team carry on where you stopped. Keep personal details to "
    "what is needed, store them safely and delete them when the emergency is over. People "
    "trust services that treat their information about {topic} with care.</p>",
    "<p>Practise together. A table-top exercise of two hours, with community members in the "
    "room, will show more weaknesses than a long document. Choose a realistic scenario, give "
    "each person a role, and stop the clock when something goes wrong to ask why. Invite the "
    "people who will really be there on the day: interpreters, drivers, shelter staff and "
    "volunteers. Agree on three things to improve about {topic} before you leave.</p>",
    "<p>Look after the people who help. Responders and volunteers who work long shifts in a "
    "language that is not their own get tired quickly and make mistakes. Plan for rest, food "
    "and someone to talk to after a hard day. Interpreters often hear the worst stories first "
    "and are sometimes from the same community; they need the same care as everyone else, "
    "and a clear way to say when a task about {topic} is too much for them.</p>",
    "<p>Check what happened afterwards. Ask people from the communities you served what "
    "worked, what did not and what they would change. Count who was reached and who was "
    "not, and try to find out why. Share what you learn about {topic} with the other services "
    "and with the communities themselves, in their languages. A lesson that is written down "
    "and shared is the start of a better plan for the next emergency.</p>",
    "<p>Money and work shape every decision people make in a crisis. A seasonal worker who "
    "leaves the farm may lose a month's pay; a domestic worker may not be allowed out of the "
    "house. Talk to employers and recruiters early, so that they know their duties and have "
    "a plan of their own. When assistance is given in cash or vouchers, make sure that people "
    "without a local bank account or an identity card can still receive it.</p>",
    "<p>Children and older people need extra attention. A child who is separated from their "
    "family should be registered, kept safe and reunited as quickly as possible, without "
    "questions about papers. An older person may not read messages on a phone or may not hear "
    "a siren. Ask neighbours and community leaders to check on the people they know, and give "
    "them a simple way to tell you who still needs help with {topic}.</p>",
    "<p>Rumours travel faster than official news. In the first hours people share voice "
    "messages, photographs and advice in their own languages, and some of it is wrong. Follow "
    "the groups and channels that communities use, answer questions quickly and correct false "
    "information without blaming the people who shared it. A trusted voice in the community "
    "who repeats your message about {topic} is worth more than a poster.</p>",
]

CALLOUTS = [
    (
        "key_point",
        "Everyone, whatever their papers",
        "Emergency help is for everyone who is in "
        "the country. Say so in every message, and make sure that the people at the door know it.",
    ),
    (
        "warning",
        "Do not collect more than you need",
        "Personal data about migrants can put them "
        "at risk if it is shared with the wrong people. Collect only what the response needs.",
    ),
    (
        "tip",
        "Test with real readers",
        "Before you publish a warning, read it aloud to two "
        "people who will receive it and ask them to tell you, in their own words, what to do.",
    ),
]

CHECKLIST_ITEMS = [
    "We know which languages are spoken in each neighbourhood.",
    "We have the phone numbers of at least two community contacts for each group.",
    "Our warning messages are ready in the five most common languages.",
    "Shelter staff know that they must not ask for residence papers.",
    "We know which employers house their workers, and where.",
    "Interpreters are on the call-out list, with a deputy for each.",
    "Consulates know whom to call in our service, day and night.",
    "Our plan says who checks on people who cannot move on their own.",
    "We have agreed how long we keep personal data, and who deletes it.",
    "Community members took part in our last exercise.",
]

SCENARIOS = [
    (
        "A warning nobody understood",
        "<p>At two in the morning the river rises quickly and the sirens sound. In a row of "
        "rented houses near the bridge live about forty seasonal workers who arrived last month. "
        "Nobody has explained the sirens to them, and the text alerts are only in the national "
        "language.</p>",
        "<p>Send a team with an interpreter or a community contact to knock on doors, and "
        "repeat the warning in the workers' languages through the messaging groups they use. "
        "Tell them where the nearest shelter is and that nobody will ask for their papers.</p>",
        [
            "Who in your area could be in the same situation tonight?",
            "Which channel would reach them fastest?",
            "What would you change in your plan tomorrow?",
        ],
    ),
    (
        "A family at the shelter door",
        "<p>A family of five arrives at a school used as a shelter after an earthquake. They "
        "have no documents, speak little of the local language and look frightened. A volunteer "
        "at the door asks to see their identity cards.</p>",
        "<p>Welcome them in first and give them water, food and a place to rest. Register only "
        "what is needed to help them, with an interpreter if possible, and remind every "
        "volunteer that the shelter is open to everyone.</p>",
        [
            "What should volunteers be told before the shelter opens?",
            "How would you find an interpreter at short notice?",
        ],
    ),
    (
        "A consulate asks for a list",
        "<p>Two days after a storm, a consulate asks your team for the names and addresses of "
        "all its nationals in the shelters, so that it can help them go home. Some of the people "
        "concerned have told you that they fled their country.</p>",
        "<p>Do not hand over lists. Tell people that their consulate is offering help, give them "
        "its contact details, and let each person decide whether to get in touch. Share data "
        "only with consent and under a written agreement.</p>",
        [
            "Who in your organisation decides about sharing personal data?",
            "How would you explain the offer of help in a way people trust?",
            "What would you do if someone asks you to contact the consulate for them?",
        ],
    ),
]

QUOTES = [
    (
        "We had a perfect plan on paper. Then we realised that the people most at risk had never "
        "heard of it, and that none of them could read it.",
        "A civil protection officer (illustrative)",
    ),
    (
        "The first person I trusted was a firefighter who spoke a few words of my language and "
        "did not ask for my papers. After that, I told everyone in our building to follow him.",
        "A migrant worker after a flood (illustrative)",
    ),
    (
        "The interpreters were the heroes of that week, and nobody had thought to give them a "
        "break.",
        "A shelter manager (illustrative)",
    ),
]


def stable_id(*parts: object) -> str:
    """A block id that is the same on every run for the same course, lesson and position."""
    return str(uuid.uuid5(BENCH_NAMESPACE, "/".join(str(part) for part in parts)))


def _block(owner: str, index: int, block_type: str, value: object) -> dict:
    return {"type": block_type, "value": value, "id": stable_id(owner, index)}


def _items(owner: str, values: list) -> list[dict]:
    return [
        {"type": "item", "value": value, "id": stable_id(owner, "item", n)}
        for n, value in enumerate(values)
    ]


def lesson_title(lesson_number: int) -> str:
    topic = TOPICS[lesson_number % len(TOPICS)]
    return topic[0].upper() + topic[1:]


def lesson_body(owner: str, course_number: int, lesson_number: int) -> list[dict]:
    """A lesson body: headings, paragraphs, a callout, a checklist, a scenario and a quote,
    in an order and length that vary with the course and lesson number."""
    topic = TOPICS[lesson_number % len(TOPICS)]
    seed = course_number * 7 + lesson_number
    extra_paragraphs = seed % 3  # 6 to 8 paragraphs: about 600 to 900 words in all

    def paragraph(n: int) -> tuple[str, str]:
        return "paragraph", PARAGRAPHS[(seed + n * 5) % len(PARAGRAPHS)].format(topic=topic)

    kind, callout_title, callout_text = CALLOUTS[seed % len(CALLOUTS)]
    scenario_title, situation, what_to_do, discussion = SCENARIOS[seed % len(SCENARIOS)]
    quote_text, attribution = QUOTES[(seed // 3) % len(QUOTES)]
    checklist = [CHECKLIST_ITEMS[(seed + n) % len(CHECKLIST_ITEMS)] for n in range(5)]

    blocks: list[tuple[str, object]] = [
        ("heading", {"text": f"{lesson_title(lesson_number)}: why it matters", "level": "h2"}),
        paragraph(0),
        paragraph(1),
        ("callout", {"kind": kind, "title": callout_title, "text": f"<p>{callout_text}</p>"}),
        ("heading", {"text": "In practice", "level": "h3"}),
        paragraph(2),
        *(paragraph(3 + n) for n in range(extra_paragraphs)),
        ("checklist", {"title": "Check your own service", "items": checklist}),
        ("heading", {"text": "A situation from the field", "level": "h2"}),
        (
            "scenario",
            {
                "title": scenario_title,
                "situation": situation,
                "what_to_do": what_to_do,
                "discussion": discussion,
            },
        ),
        paragraph(6),
        ("quote", {"text": quote_text, "attribution": attribution}),
        ("heading", {"text": "Before the next lesson", "level": "h2"}),
        paragraph(7),
    ]
    stream = []
    for index, (block_type, value) in enumerate(blocks):
        if block_type == "checklist":
            value = {**value, "items": _items(f"{owner}/{index}", value["items"])}
        if block_type == "scenario":
            value = {**value, "discussion": _items(f"{owner}/{index}", value["discussion"])}
        stream.append(_block(owner, index, block_type, value))
    return stream


def _choices(owner: str, choices: list[tuple[str, bool, str]]) -> list[dict]:
    return _items(
        owner, [{"text": text, "correct": correct, "feedback": fb} for text, correct, fb in choices]
    )


def quiz_questions(owner: str) -> list[dict]:
    """Five questions, one of each kind the quiz offers (and a second single choice), as the
    raw value of QuizPage.questions."""
    questions = [
        (
            "single_choice",
            {
                "prompt": "<p>Who may use an emergency shelter?</p>",
                "points": 1,
                "feedback": "<p>Emergency help is for everyone in the country.</p>",
                "choices": _choices(
                    f"{owner}/q0",
                    [
                        ("Everyone, whatever their nationality or papers.", True, "Right."),
                        ("Only citizens and legal residents.", False, "No: it is for everyone."),
                        ("Only people with an identity card.", False, "No: papers are not needed."),
                    ],
                ),
            },
        ),
        (
            "multiple_choice",
            {
                "prompt": "<p>Which of these can stop migrants from hearing a warning? "
                "(Choose all that apply.)</p>",
                "points": 2,
                "scoring": "partial",
                "feedback": "<p>Language, isolation and fear all keep warnings from people.</p>",
                "choices": _choices(
                    f"{owner}/q1",
                    [
                        ("Warnings only in the national language.", True, "Yes."),
                        ("Living and working far from town.", True, "Yes."),
                        ("Fear of the authorities.", True, "Yes."),
                        ("Having a mobile phone.", False, "A phone helps people hear warnings."),
                    ],
                ),
            },
        ),
        (
            "true_false",
            {
                "prompt": "<p>Shelter staff should check residence papers at the door.</p>",
                "points": 1,
                "feedback": "<p>Checking papers keeps frightened people away from safety.</p>",
                "answer": "false",
            },
        ),
        (
            "short_answer",
            {
                "prompt": "<p>What do you call a person who turns speech from one language "
                "into another?</p>",
                "points": 1,
                "feedback": "<p>Interpreters are part of every good emergency plan.</p>",
                "accepted_answers": _items(f"{owner}/q3", ["interpreter", "an interpreter"]),
            },
        ),
        (
            "single_choice",
            {
                "prompt": "<p>A consulate asks for a list of its nationals in your shelters. "
                "What do you do?</p>",
                "points": 1,
                "feedback": "<p>Share personal data only with consent.</p>",
                "choices": _choices(
                    f"{owner}/q4",
                    [
                        ("Send the list straight away.", False, "Some may have fled that state."),
                        ("Tell people about the offer and let each decide.", True, "Right."),
                        ("Refuse to tell anyone about it.", False, "People may want the help."),
                    ],
                ),
            },
        ),
    ]
    return [
        _block(owner, index, block_type, {"image": None, **value})
        for index, (block_type, value) in enumerate(questions)
    ]
