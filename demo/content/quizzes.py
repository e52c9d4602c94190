"""Demo quizzes for the three demo courses, keyed by course slug."""

# --- Reaching migrants before a crisis: pre-test ---------------------------------------------

PREPAREDNESS_PRE_TEST = {
    "slug": "pre-test",
    "title": "Before you start: what do you know?",
    "intro": (
        "<p>This short check shows what you already know about reaching migrants before a "
        "crisis. It has <b>5 questions</b>. There is no pass mark, and it does not count towards "
        "finishing the course. You can take it once.</p>"
        "<p>Just answer as well as you can. At the end of the course, the final quiz will show "
        "you how much you have learned.</p>"
    ),
    "purpose": "pre_test",
    "module": 0,
    "position": "first",
    "pass_mark": 0,
    "max_attempts": 1,
    "required_for_completion": False,
    "questions": [
        (
            "single_choice",
            {
                "prompt": "<p>Why are migrants often missed by emergency warnings and help?</p>",
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Emergency systems often assume that everyone speaks the local "
                            "language and knows the local rules."
                        ),
                        "correct": True,
                        "feedback": (
                            "Right. When these assumptions are wrong, people fall through the gaps."
                        ),
                    },
                    {
                        "text": "Migrants usually hide from everyone during a crisis.",
                        "correct": False,
                        "feedback": (
                            "Not quite. Migrants are usually missed because nobody planned for "
                            "them, not because they hide."
                        ),
                    },
                    {
                        "text": "Migrants are less able to cope with danger than other people.",
                        "correct": False,
                        "feedback": (
                            "No. Many migrants have survived hard journeys and are very "
                            "resourceful."
                        ),
                    },
                    {
                        "text": "Migrants are not allowed to receive emergency help.",
                        "correct": False,
                        "feedback": (
                            "No. Emergency help is for everyone, whatever their nationality or "
                            "status."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Migrants are not invisible. They are missed because emergency systems are "
                    "often planned only for people who speak the local language, know the rules "
                    "and have family nearby. Good preparation closes these gaps.</p>"
                ),
            },
        ),
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>Which of these can stop migrants from getting warnings and help in an "
                    "emergency? (Choose all that apply.)</p>"
                ),
                "points": 2,
                "scoring": "partial",
                "choices": [
                    {
                        "text": "Warnings are only given in the national language.",
                        "correct": True,
                        "feedback": (
                            "Correct. People cannot act on a warning they cannot understand."
                        ),
                    },
                    {
                        "text": "Fear of arrest or deportation.",
                        "correct": True,
                        "feedback": (
                            "Correct. People without papers may avoid police and officials, even "
                            "in danger."
                        ),
                    },
                    {
                        "text": "An employer keeps the worker's passport.",
                        "correct": True,
                        "feedback": (
                            "Correct. Without papers, people may be turned away at shelters or "
                            "checkpoints."
                        ),
                    },
                    {
                        "text": "Knowing what the local sirens mean.",
                        "correct": False,
                        "feedback": (
                            "Knowing what sirens mean helps people. The barrier is not knowing "
                            "what they mean."
                        ),
                    },
                    {
                        "text": "Being part of a community group chat.",
                        "correct": False,
                        "feedback": (
                            "A community group chat is often a good way to reach people, not a "
                            "barrier."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Common barriers include language, lack of information, fear, missing "
                    "documents, isolation, and a lack of money or transport.</p>"
                ),
            },
        ),
        (
            "true_false",
            {
                "prompt": (
                    "<p>A community map should list the names and home addresses of individual "
                    "migrants.</p>"
                ),
                "points": 1,
                "answer": False,
                "feedback": (
                    "<p>False. A list of names and addresses can be dangerous in the wrong hands. "
                    "Map <b>groups and places</b>, not individuals, and record numbers as "
                    "estimates.</p>"
                ),
            },
        ),
        (
            "single_choice",
            {
                "prompt": "<p>Which of these makes a good early warning message?</p>",
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Short sentences, one clear action and the emergency phone number."
                        ),
                        "correct": True,
                        "feedback": (
                            "Right. People need to know quickly what to do and who to call."
                        ),
                    },
                    {
                        "text": (
                            "A full explanation of the hazard, so people understand the science."
                        ),
                        "correct": False,
                        "feedback": (
                            "Long explanations slow people down. Give one clear action instead."
                        ),
                    },
                    {
                        "text": "Official wording copied from the law, so nobody can challenge it.",
                        "correct": False,
                        "feedback": "Legal wording is hard to understand. Use simple words.",
                    },
                    {
                        "text": "The national language only, so everyone gets the same words.",
                        "correct": False,
                        "feedback": (
                            "Many migrants cannot read the national language. Translate the "
                            "message into their languages."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Use short sentences and simple words. Give one clear action, add the "
                    "emergency phone number, and say that help is for everyone.</p>"
                ),
            },
        ),
        (
            "short_answer",
            {
                "prompt": (
                    "<p>What do we call a plan that says who does what if a particular emergency "
                    "happens? (Two words.)</p>"
                ),
                "points": 1,
                "accepted_answers": [
                    "contingency plan",
                    "a contingency plan",
                    "contingency plans",
                    "contingency",
                    "emergency plan",
                    "an emergency plan",
                    "emergency plans",
                ],
                "feedback": (
                    "<p>A <b>contingency plan</b> says who does what in an emergency: warnings, "
                    "evacuation, shelters, health care and communication.</p>"
                ),
            },
        ),
    ],
}

# --- Reaching migrants before a crisis: final quiz -------------------------------------------

PREPAREDNESS_FINAL_QUIZ = {
    "slug": "final-quiz",
    "title": "Final quiz",
    "intro": (
        "<p>This quiz checks what you learned in this course: why migrants are missed, mapping "
        "communities, building trust, early warnings, contingency plans and exercises.</p>"
        "<p>It has <b>10 questions</b>. You need <b>70%</b> to pass and finish the course. You "
        "can try as many times as you need.</p>"
    ),
    "purpose": "post_test",
    "module": -1,
    "position": "last",
    "pass_mark": 70,
    "max_attempts": None,
    "required_for_completion": True,
    "questions": [
        # Lesson: Why migrants are missed in emergencies
        (
            "single_choice",
            {
                "prompt": (
                    "<p>During a flood, a street of seasonal workers heard the sirens but did "
                    "nothing. What is the most likely reason?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": "Nobody had told them what the sirens meant.",
                        "correct": True,
                        "feedback": (
                            "Right. People may not know what sirens mean unless someone "
                            "explains it."
                        ),
                    },
                    {
                        "text": "They did not care about the danger.",
                        "correct": False,
                        "feedback": (
                            "There is no reason to think so. People act when they understand a "
                            "warning."
                        ),
                    },
                    {
                        "text": "The sirens were too quiet to hear.",
                        "correct": False,
                        "feedback": "They did hear the sirens. The problem was understanding them.",
                    },
                    {
                        "text": "Their employer had told them to ignore all warnings.",
                        "correct": False,
                        "feedback": (
                            "Employers can be a barrier, but here the workers simply did not know "
                            "what the sirens meant."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Lack of information is a common barrier. People may not know the "
                    "emergency number, where the shelters are or what the sirens mean.</p>"
                ),
            },
        ),
        # Lesson: Mapping migrant communities safely
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>You are making a community map. Which sources can you use without "
                    "collecting new data from individuals? (Choose all that apply.)</p>"
                ),
                "points": 2,
                "scoring": "partial",
                "choices": [
                    {
                        "text": "Totals of the languages used in local schools and health clinics",
                        "correct": True,
                        "feedback": "Correct. Use totals only, never names.",
                    },
                    {
                        "text": "Embassies and consulates",
                        "correct": True,
                        "feedback": (
                            "Correct. They often know roughly how many of their nationals live in "
                            "the area."
                        ),
                    },
                    {
                        "text": "Faith groups and migrant-run shops",
                        "correct": True,
                        "feedback": (
                            "Correct. They often know who lives nearby and how to reach them."
                        ),
                    },
                    {
                        "text": (
                            "A door-to-door survey asking every migrant for their name and papers"
                        ),
                        "correct": False,
                        "feedback": (
                            "No. You rarely need new data from individuals, and asking for papers "
                            "puts people at risk."
                        ),
                    },
                    {
                        "text": "Immigration enforcement lists of people without papers",
                        "correct": False,
                        "feedback": (
                            "No. Map groups and places, not individuals, and never link the map to "
                            "immigration checks."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Start with information that already exists: local government totals, "
                    "employers, consulates, faith and community groups, NGOs and unions. Map "
                    "<b>groups and places</b>, not individuals.</p>"
                ),
            },
        ),
        # Lesson: Building trust and contact networks
        (
            "single_choice",
            {
                "prompt": (
                    "<p>When is the best time to build trust with migrant community leaders?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": "Before any crisis, through small and regular contact.",
                        "correct": True,
                        "feedback": "Right. Trust takes time, so start now.",
                    },
                    {
                        "text": "During the crisis, when people need your help most.",
                        "correct": False,
                        "feedback": "Too late. You cannot build trust in the middle of a flood.",
                    },
                    {
                        "text": "After the crisis, when there is more time to talk.",
                        "correct": False,
                        "feedback": (
                            "By then you have missed the chance to reach people with warnings."
                        ),
                    },
                    {
                        "text": "Only once your emergency plan is finished.",
                        "correct": False,
                        "feedback": (
                            "Contacts should help shape the plan, so start before it is finished."
                        ),
                    },
                ],
                "feedback": (
                    "<p>In an emergency, people act on information from sources they trust. Build "
                    "your links with those trusted people <b>before</b> a crisis starts.</p>"
                ),
            },
        ),
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>Which of these are good ways to keep your contact network alive? (Choose "
                    "all that apply.)</p>"
                ),
                "points": 2,
                "scoring": "partial",
                "choices": [
                    {
                        "text": (
                            "Meet contacts at least twice a year, in places where they feel "
                            "comfortable"
                        ),
                        "correct": True,
                        "feedback": "Correct. Regular, relaxed contact keeps the network alive.",
                    },
                    {
                        "text": "Keep at least two contacts for each group",
                        "correct": True,
                        "feedback": (
                            "Correct. A second contact helps if the first one cannot be reached."
                        ),
                    },
                    {
                        "text": "Tell contacts what changed because of their help",
                        "correct": True,
                        "feedback": (
                            "Correct. People stay involved when they see that their help matters."
                        ),
                    },
                    {
                        "text": "Only get in touch when you need something from them",
                        "correct": False,
                        "feedback": "No. Share useful safety information too, not only requests.",
                    },
                    {
                        "text": "Rely on one well-known leader to speak for the whole community",
                        "correct": False,
                        "feedback": (
                            "No. One leader cannot speak for everyone. Include women, young people "
                            "and smaller groups."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Keep in touch regularly, share useful information, check contact details "
                    "and thank people. Remember that your contacts are volunteers, not staff.</p>"
                ),
            },
        ),
        # Lesson: Early warnings in many languages
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>You are preparing warning messages before a crisis. Which steps does the "
                    "course recommend? (Choose all that apply.)</p>"
                ),
                "points": 2,
                "scoring": "all_or_nothing",
                "choices": [
                    {
                        "text": "Write short template messages for each main hazard",
                        "correct": True,
                        "feedback": "Correct. Say what is happening, where, and what to do now.",
                    },
                    {
                        "text": "Translate them into the main languages on your community map",
                        "correct": True,
                        "feedback": "Correct. Use professional translators where possible.",
                    },
                    {
                        "text": (
                            "Ask community contacts to explain each message back in their own words"
                        ),
                        "correct": True,
                        "feedback": "Correct. This shows whether the message is really understood.",
                    },
                    {
                        "text": (
                            "Wait until a crisis starts, so each message fits the exact situation"
                        ),
                        "correct": False,
                        "feedback": (
                            "No. You can do most of this work in advance, when you have time."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Pick the main hazards, write short templates, translate them, test them "
                    "with community contacts and store them where they can be found fast.</p>"
                ),
            },
        ),
        (
            "single_choice",
            {
                "prompt": "<p>Which way of sending warnings reaches everyone?</p>",
                "points": 1,
                "choices": [
                    {
                        "text": "None on its own. You need to combine several channels.",
                        "correct": True,
                        "feedback": "Right. No single channel reaches everyone.",
                    },
                    {
                        "text": "Mobile phone alerts",
                        "correct": False,
                        "feedback": "Phone alerts may not reach people with foreign phone numbers.",
                    },
                    {
                        "text": "Sirens and loudspeakers",
                        "correct": False,
                        "feedback": "Sirens only work if people have learned what they mean.",
                    },
                    {
                        "text": "Posters with pictures and symbols",
                        "correct": False,
                        "feedback": "Posters help, but only people who pass by will see them.",
                    },
                ],
                "feedback": (
                    "<p>Combine phone alerts, community messaging groups, radio and social media "
                    "in migrant languages, sirens, door-to-door visits and posters.</p>"
                ),
            },
        ),
        # Lesson: Including migrants in contingency plans
        (
            "true_false",
            {
                "prompt": (
                    "<p>During an emergency, services should focus on people's safety, not on "
                    "immigration checks.</p>"
                ),
                "points": 1,
                "answer": True,
                "feedback": (
                    "<p>True. If migrants fear that asking for help will lead to arrest, many will "
                    "stay away from shelters and evacuation points. Agree a clear policy, and make "
                    "sure migrants hear about it.</p>"
                ),
            },
        ),
        (
            "true_false",
            {
                "prompt": (
                    "<p>If migrant issues are everybody's job in the plan, nobody needs to be "
                    "named as responsible for them.</p>"
                ),
                "points": 1,
                "answer": False,
                "feedback": (
                    "<p>False. If it is everybody's job, it can easily become nobody's job. Write "
                    "down who is responsible for migrant issues in your plan.</p>"
                ),
            },
        ),
        # Lesson: Practising together: drills and exercises
        (
            "short_answer",
            {
                "prompt": (
                    "<p>What kind of exercise is it when people sit around a table and talk "
                    "through an imaginary emergency step by step?</p>"
                ),
                "points": 1,
                "accepted_answers": [
                    "table-top exercise",
                    "table-top",
                    "a table-top exercise",
                    "table-top exercises",
                    "tabletop exercise",
                    "tabletop",
                    "a tabletop exercise",
                    "tabletop exercises",
                    "table top exercise",
                    "table top",
                    "a table top exercise",
                    "table top exercises",
                    "table-top discussion",
                    "tabletop discussion",
                ],
                "feedback": (
                    "<p>A <b>table-top exercise</b> is cheap and good for finding gaps in a plan. "
                    "Even one hour with a few community contacts and responders can teach you a "
                    "lot.</p>"
                ),
            },
        ),
        (
            "short_answer",
            {
                "prompt": (
                    "<p>In a communication test, which word should you put clearly at the start "
                    "of every message, in every language? (One word.)</p>"
                ),
                "points": 1,
                "accepted_answers": ["test", "'test'", '"test"', "the word test"],
                "feedback": (
                    "<p>Put the word <b>TEST</b> at the start of every message, and tell people "
                    "in advance through trusted contacts. Otherwise people may think the danger "
                    "is real and panic.</p>"
                ),
            },
        ),
    ],
}

# --- Protecting migrants during an emergency: final quiz -------------------------------------

RESPONSE_FINAL_QUIZ = {
    "slug": "final-quiz",
    "title": "Final quiz",
    "intro": (
        "<p>This quiz checks what you learned in this course: help for everyone, evacuation and "
        "shelter, communication, consulates, lost papers, personal data, children, trafficking "
        "and migrants who are hidden or trapped.</p>"
        "<p>It has <b>10 questions</b>. You need <b>70%</b> to pass and finish the course. You "
        "can try as many times as you need.</p>"
    ),
    "purpose": "assessment",
    "module": -1,
    "position": "last",
    "pass_mark": 70,
    "max_attempts": None,
    "required_for_completion": True,
    "questions": [
        # Lesson: Assistance regardless of migration status
        (
            "single_choice",
            {
                "prompt": (
                    "<p>A man without a visa comes to your shelter. He is hurt and hungry. What "
                    "should you do first?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Give him the help he needs, without asking about his migration status."
                        ),
                        "correct": True,
                        "feedback": "Right. Help is given on the basis of need alone.",
                    },
                    {
                        "text": "Ask to see his passport before you let him in.",
                        "correct": False,
                        "feedback": (
                            "No. Do not ask for documents at shelters, food points or medical "
                            "posts."
                        ),
                    },
                    {
                        "text": "Call immigration officials so they can decide what to do.",
                        "correct": False,
                        "feedback": (
                            "No. Checking immigration status is not part of emergency assistance."
                        ),
                    },
                    {
                        "text": (
                            "Send him to his consulate, because his own country should help him."
                        ),
                        "correct": False,
                        "feedback": (
                            "No. Local services are still responsible for emergency help to "
                            "everyone in their area."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Help first, questions later. A migrant without papers has the same right "
                    "as anyone else to be rescued, treated and given water, food and shelter.</p>"
                ),
            },
        ),
        # Lesson: Evacuation and shelter without barriers
        (
            "true_false",
            {
                "prompt": (
                    "<p>During an evacuation, it is fine to separate a family if it makes "
                    "transport faster.</p>"
                ),
                "points": 1,
                "answer": False,
                "feedback": (
                    "<p>False. Do not separate families during evacuation or in shelters. Being "
                    "apart from family makes people, especially children, much more "
                    "vulnerable.</p>"
                ),
            },
        ),
        # Lesson: Communicating during the emergency
        (
            "single_choice",
            {
                "prompt": (
                    "<p>Migrants at your information point have heard a rumour that the border "
                    "will close tomorrow. You do not know if it is true. What should you "
                    "do?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Check the facts with your coordination centre and the consulates, "
                            "and say when you will give an update."
                        ),
                        "correct": True,
                        "feedback": (
                            "Right. Do not guess, and tell people when they will hear more."
                        ),
                    },
                    {
                        "text": "Tell them the rumour is probably false, so they stay calm.",
                        "correct": False,
                        "feedback": "No. Do not guess. If you do not know yet, say so.",
                    },
                    {
                        "text": "Advise them to leave tonight, just in case.",
                        "correct": False,
                        "feedback": (
                            "No. Travelling at night is risky, and the rumour may be false."
                        ),
                    },
                    {
                        "text": "Say nothing until the government makes an official statement.",
                        "correct": False,
                        "feedback": ("No. Silence lets rumours spread. Share what you know early."),
                    },
                ],
                "feedback": (
                    "<p>Check the facts, then share what is true in plain language, through the "
                    "same channels where the rumour spread.</p>"
                ),
            },
        ),
        # Lesson: Working with consulates and embassies
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>What can consular officers do for their nationals in a crisis? (Choose all "
                    "that apply.)</p>"
                ),
                "points": 2,
                "scoring": "partial",
                "choices": [
                    {
                        "text": (
                            "Issue emergency travel documents to people who lost their passports"
                        ),
                        "correct": True,
                        "feedback": "Correct. This is one of the main ways consulates help.",
                    },
                    {
                        "text": "Find out where their nationals are and whether they are safe",
                        "correct": True,
                        "feedback": "Correct. Consulates look for their nationals in a crisis.",
                    },
                    {
                        "text": "Help families at home find missing relatives",
                        "correct": True,
                        "feedback": "Correct. Families often turn to their consulate for news.",
                    },
                    {
                        "text": "Take over emergency assistance from local services",
                        "correct": False,
                        "feedback": (
                            "No. The consulate's work does not replace local emergency help."
                        ),
                    },
                    {
                        "text": (
                            "Get everyone's personal details from shelters, without asking them"
                        ),
                        "correct": False,
                        "feedback": (
                            "No. Share personal details only with consent, or where the law "
                            "allows it."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Consulates help their own nationals, but local services stay responsible "
                    "for everyone in their area. Work together, and always respect a person's "
                    "choice about contact with their consulate.</p>"
                ),
            },
        ),
        # Lesson: Lost papers and emergency travel documents
        (
            "true_false",
            {
                "prompt": (
                    "<p>A photo of a passport saved on someone's phone can help them prove who "
                    "they are.</p>"
                ),
                "points": 1,
                "answer": True,
                "feedback": (
                    "<p>True. A photo or scan of a passport, a work contract or a residence card "
                    "can help. Copies like these make replacing documents much faster.</p>"
                ),
            },
        ),
        # Lesson: Handling personal information safely
        (
            "short_answer",
            {
                "prompt": (
                    "<p>A person understands what you will do with their information and agrees "
                    "freely. What is this called? (Two words.)</p>"
                ),
                "points": 1,
                "accepted_answers": ["informed consent", "consent", "an informed consent"],
                "feedback": (
                    "<p><b>Informed consent</b> means the person understands what you will do with "
                    "their information and agrees freely. Never make help depend on it.</p>"
                ),
            },
        ),
        # Lesson: Unaccompanied and separated children
        (
            "short_answer",
            {
                "prompt": (
                    "<p>A person under 18 who is not with either parent, or with any other adult "
                    "responsible for them, is called an ____ child. What is the missing "
                    "word?</p>"
                ),
                "points": 1,
                "accepted_answers": [
                    "unaccompanied",
                    "unaccompanied child",
                    "an unaccompanied child",
                    "unaccompanied children",
                    "unaccompanied minor",
                ],
                "feedback": (
                    "<p>An <b>unaccompanied child</b> has no responsible adult with them. A "
                    "<b>separated child</b> is apart from their parents or usual carer, but may be "
                    "with another relative or adult.</p>"
                ),
            },
        ),
        (
            "single_choice",
            {
                "prompt": (
                    "<p>You find a child alone at an evacuation point. A man says he is the "
                    "child's uncle and offers to take him. What should you do?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Keep the child safe and refer him to child protection before handing "
                            "him to anyone."
                        ),
                        "correct": True,
                        "feedback": "Right. The child's best interests come first.",
                    },
                    {
                        "text": "Let the uncle take the child, because family is best.",
                        "correct": False,
                        "feedback": (
                            "No. Never hand a child to someone who says they are a relative "
                            "without checking."
                        ),
                    },
                    {
                        "text": "Post the child's photo on social media to find his family.",
                        "correct": False,
                        "feedback": ("No. Use proper family tracing channels, not social media."),
                    },
                    {
                        "text": (
                            "Put the child in the adults' sleeping area so staff can watch him."
                        ),
                        "correct": False,
                        "feedback": (
                            "No. Children should not sleep in the same area as unrelated adults."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Keep the child with you, record where and when you found him, and refer "
                    "him to the child protection authority. A child is a child first, and a "
                    "migrant second.</p>"
                ),
            },
        ),
        # Lesson: Trafficking and exploitation risks
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>Which of these are possible signs of trafficking? (Choose all that "
                    "apply.)</p>"
                ),
                "points": 2,
                "scoring": "partial",
                "choices": [
                    {
                        "text": "Someone else holds the person's passport",
                        "correct": True,
                        "feedback": "Correct. Holding someone's papers is a way to control them.",
                    },
                    {
                        "text": "The person is not free to leave their work or home",
                        "correct": True,
                        "feedback": "Correct. This is a serious warning sign.",
                    },
                    {
                        "text": "Another person answers for them and will not let them speak alone",
                        "correct": True,
                        "feedback": (
                            "Correct. Try to speak to the person alone, with an interpreter."
                        ),
                    },
                    {
                        "text": "The person asks how to contact their consulate",
                        "correct": False,
                        "feedback": "No. Asking for consular help is normal in a crisis.",
                    },
                    {
                        "text": "The person shows you their own work contract and pay slips",
                        "correct": False,
                        "feedback": (
                            "No. Having their own papers does not suggest that someone is "
                            "controlling them."
                        ),
                    },
                ],
                "feedback": (
                    "<p>No single sign proves trafficking, but several signs together should make "
                    "you look more closely. Do not confront a suspected trafficker yourself. "
                    "Refer the case to the specialised service.</p>"
                ),
            },
        ),
        # Lesson: Migrants who are hidden or trapped
        (
            "single_choice",
            {
                "prompt": (
                    "<p>You find a domestic worker locked in a flat. Her employers have left. She "
                    "seems afraid of you. What should you do?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Say who you are, show your badge or uniform, and explain simply that "
                            "you are there to keep her safe."
                        ),
                        "correct": True,
                        "feedback": (
                            "Right. Her employer may have told her that police will arrest her."
                        ),
                    },
                    {
                        "text": "Ask to see her work permit before you help her.",
                        "correct": False,
                        "feedback": "No. Her safety comes first, whatever her papers.",
                    },
                    {
                        "text": "Wait outside until the employers come back to unlock the door.",
                        "correct": False,
                        "feedback": (
                            "No. Saving life comes first. Follow your procedures and get her out."
                        ),
                    },
                    {
                        "text": "Give her a hotline number and move on to the next house.",
                        "correct": False,
                        "feedback": (
                            "No. She cannot leave on her own, so you must get her to safety."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Get her to safety first. Afterwards, record what happened and refer the "
                    "case, for example to labour inspectors or an anti-trafficking unit.</p>"
                ),
            },
        ),
    ],
}

# --- Recovering together after a crisis: final quiz ------------------------------------------

POST_CRISIS_FINAL_QUIZ = {
    "slug": "final-quiz",
    "title": "Final quiz",
    "intro": (
        "<p>This quiz checks what you learned in this course: choices after a crisis, safe "
        "return, reintegration, livelihoods, access to services, involving migrant communities "
        "and learning the lessons.</p>"
        "<p>It has <b>10 questions</b>. You need <b>70%</b> to pass and finish the course. You "
        "can try as many times as you need.</p>"
    ),
    "purpose": "assessment",
    "module": -1,
    "position": "last",
    "pass_mark": 70,
    "max_attempts": None,
    "required_for_completion": True,
    "questions": [
        # Lesson: Choices after the crisis
        (
            "single_choice",
            {
                "prompt": "<p>When is a migrant's decision to return home truly voluntary?</p>",
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "When they have correct information, real alternatives and no pressure."
                        ),
                        "correct": True,
                        "feedback": "Right. All three are needed for a free choice.",
                    },
                    {
                        "text": "When they have signed a form agreeing to go.",
                        "correct": False,
                        "feedback": "No. A signature alone does not show that the choice was free.",
                    },
                    {
                        "text": "When their employer has paid for the ticket home.",
                        "correct": False,
                        "feedback": (
                            "No. A paid ticket does not make a choice free, and it may even add "
                            "pressure."
                        ),
                    },
                    {
                        "text": "When their visa or permit has run out.",
                        "correct": False,
                        "feedback": "No. Losing a permit can be pressure, not a free choice.",
                    },
                ],
                "feedback": (
                    "<p>People must be free to choose whether to stay, return or move on. Nobody "
                    "should be sent back to a place where they face persecution or serious "
                    "harm.</p>"
                ),
            },
        ),
        # Lesson: Supporting a safe and dignified return
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>Before someone travels home, what should you check that they have? "
                    "(Choose all that apply.)</p>"
                ),
                "points": 2,
                "scoring": "partial",
                "choices": [
                    {
                        "text": "Valid travel documents or an emergency travel document",
                        "correct": True,
                        "feedback": "Correct. Without them, people cannot travel safely.",
                    },
                    {
                        "text": "Their wages, savings and belongings, as far as possible",
                        "correct": True,
                        "feedback": (
                            "Correct. Employers should pay final wages before people leave."
                        ),
                    },
                    {
                        "text": "Copies of work certificates, training records and medical records",
                        "correct": True,
                        "feedback": "Correct. Proof of skills makes it easier to find work later.",
                    },
                    {
                        "text": "A new job already waiting for them at home",
                        "correct": False,
                        "feedback": (
                            "No. This is not a condition for travel. Reintegration support can "
                            "help them find work later."
                        ),
                    },
                ],
                "feedback": (
                    "<p>A safe and dignified return needs papers, money and belongings, records "
                    "of skills and health, medical care, and information about support on "
                    "arrival.</p>"
                ),
            },
        ),
        # Lesson: Reintegration: starting again at home
        (
            "multiple_choice",
            {
                "prompt": (
                    "<p>Good reintegration support looks at three areas together. Which are they? "
                    "(Choose all that apply.)</p>"
                ),
                "points": 2,
                "scoring": "all_or_nothing",
                "choices": [
                    {
                        "text": "Economic",
                        "correct": True,
                        "feedback": "Correct. This covers income and work.",
                    },
                    {
                        "text": "Social",
                        "correct": True,
                        "feedback": (
                            "Correct. This covers housing, health, schooling and documents."
                        ),
                    },
                    {
                        "text": "Psychosocial",
                        "correct": True,
                        "feedback": (
                            "Correct. This covers mental health, well-being and relationships."
                        ),
                    },
                    {
                        "text": "Political",
                        "correct": False,
                        "feedback": (
                            "No. Political life is not one of the three areas in the course."
                        ),
                    },
                    {
                        "text": "Legal status abroad",
                        "correct": False,
                        "feedback": (
                            "No. Reintegration is about life back home, not status in the host "
                            "country."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Reintegration looks at <b>economic</b>, <b>social</b> and "
                    "<b>psychosocial</b> needs together, because a job alone is rarely "
                    "enough.</p>"
                ),
            },
        ),
        # Lesson: Restoring livelihoods
        (
            "short_answer",
            {
                "prompt": "<p>What word means the way a person earns a living? (One word.)</p>",
                "points": 1,
                "accepted_answers": [
                    "livelihood",
                    "a livelihood",
                    "livelihoods",
                    "their livelihood",
                ],
                "feedback": (
                    "<p>A <b>livelihood</b> is the way a person earns a living. Losing it can "
                    "quickly become a crisis for two households in two countries.</p>"
                ),
            },
        ),
        (
            "single_choice",
            {
                "prompt": (
                    "<p>A recovery cash grant can only be paid into a local bank account. Many "
                    "migrants do not have one. What should you do?</p>"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Ask whether other ways are possible, such as cash cards, mobile money "
                            "or collection points."
                        ),
                        "correct": True,
                        "feedback": "Right. The money must be able to reach everyone who needs it.",
                    },
                    {
                        "text": "Tell migrants they must open a bank account first.",
                        "correct": False,
                        "feedback": (
                            "No. Many have lost the documents they would need to open one."
                        ),
                    },
                    {
                        "text": "Accept that migrants cannot receive this help.",
                        "correct": False,
                        "feedback": "No. Raise gaps like this with decision makers.",
                    },
                    {
                        "text": "Pay the money to their employers to pass on.",
                        "correct": False,
                        "feedback": (
                            "No. The help should reach workers directly, for example through cash "
                            "cards or mobile money."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Check the rules of recovery programmes, and look for ways to pay people "
                    "who have no local bank account. Make sure they can also send money home "
                    "safely.</p>"
                ),
            },
        ),
        # Lesson: Access to health care, housing and schools
        (
            "true_false",
            {
                "prompt": (
                    "<p>If migrants think that a clinic shares their data with immigration "
                    "enforcement, they may stay away from it.</p>"
                ),
                "points": 1,
                "answer": True,
                "feedback": (
                    "<p>True. Fear is a common barrier to services after a crisis. Other barriers "
                    "are cost, lost documents, housing rules and language.</p>"
                ),
            },
        ),
        # Lesson: Involving migrant communities in recovery
        (
            "single_choice",
            {
                "prompt": "<p>Which of these is an example of token participation?</p>",
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Inviting one migrant to a meeting and then ignoring what they say."
                        ),
                        "correct": True,
                        "feedback": "Right. This looks like participation, but it changes nothing.",
                    },
                    {
                        "text": "Holding meetings in the evening so that workers can attend.",
                        "correct": False,
                        "feedback": "No. This is good practice that helps more people take part.",
                    },
                    {
                        "text": "Telling people what changed because of their input.",
                        "correct": False,
                        "feedback": "No. This shows that their views were taken seriously.",
                    },
                    {
                        "text": "Covering travel costs and offering childcare for meetings.",
                        "correct": False,
                        "feedback": (
                            "No. Practical help like this makes real participation possible."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Real participation means listening seriously and explaining what changed. "
                    "If you cannot act on a suggestion, explain why.</p>"
                ),
            },
        ),
        (
            "short_answer",
            {
                "prompt": (
                    "<p>What do we call people from the same country of origin who live abroad "
                    "and may send money, supplies and skills after a crisis? (One word.)</p>"
                ),
                "points": 1,
                "accepted_answers": [
                    "diaspora",
                    "the diaspora",
                    "a diaspora",
                    "diasporas",
                    "diaspora group",
                    "diaspora groups",
                ],
                "feedback": (
                    "<p><b>Diaspora groups</b> can help a lot. Work with them so that their "
                    "support goes to real needs.</p>"
                ),
            },
        ),
        # Lesson: Learning the lessons
        (
            "single_choice",
            {
                "prompt": "<p>When should you hold a lessons-learned review?</p>",
                "points": 1,
                "choices": [
                    {
                        "text": "Soon after the response, while memories are fresh.",
                        "correct": True,
                        "feedback": "Right. Details are lost quickly as time passes.",
                    },
                    {
                        "text": "A year later, when everyone has had time to think.",
                        "correct": False,
                        "feedback": "No. By then people will have forgotten important details.",
                    },
                    {
                        "text": "Only if something went badly wrong.",
                        "correct": False,
                        "feedback": (
                            "No. Every crisis teaches lessons, including about what went well."
                        ),
                    },
                    {
                        "text": "Just before the next high-risk season starts.",
                        "correct": False,
                        "feedback": (
                            "No. That leaves too little time to act on the lessons, and memories "
                            "will have faded."
                        ),
                    },
                ],
                "feedback": (
                    "<p>Hold the review soon after the response, and include the people who were "
                    "affected. Ask what you planned, what happened, why, and what you will change "
                    "next time.</p>"
                ),
            },
        ),
        (
            "true_false",
            {
                "prompt": (
                    "<p>A lessons-learned review is an internal meeting, so there is no need to "
                    "invite migrant representatives.</p>"
                ),
                "points": 1,
                "answer": False,
                "feedback": (
                    "<p>False. Include the people who were affected. Without migrants, you may "
                    "never learn whether warnings reached them or which groups were missed.</p>"
                ),
            },
        ),
    ],
}

QUIZZES = {
    "reaching-migrants-before-a-crisis": [PREPAREDNESS_PRE_TEST, PREPAREDNESS_FINAL_QUIZ],
    "protecting-migrants-during-an-emergency": [RESPONSE_FINAL_QUIZ],
    "recovering-together-after-a-crisis": [POST_CRISIS_FINAL_QUIZ],
}
