"""Demo course: crisis preparedness (content written for Crisis Ready)."""

COURSE = {
    "slug": "reaching-migrants-before-a-crisis",
    "title": "Reaching migrants before a crisis",
    "summary": (
        "Learn how to find out which migrants live in your area, build trust with them, warn them "
        "in languages they understand and include them in your emergency plans."
    ),
    "description": (
        "<p>When a flood, earthquake or conflict hits, migrants are often among the people most at "
        "risk. They may not speak the local language, may not know the local emergency services, "
        "or may be afraid to ask for help. Much of this risk can be reduced long before anything "
        "goes wrong.</p>"
        "<p>This course shows you practical steps you can take now. You will get to know the "
        "migrant communities in your area, build contacts you can rely on, prepare warnings people "
        "can understand and make sure your contingency plans include everyone.</p>"
        "<p>It is written for police officers, firefighters, municipal officials, consular staff "
        "and community workers. You do not need any previous training.</p>"
    ),
    "phase": "preparedness",
    "audiences": ["first-responders", "local-authorities", "civil-society", "consular-staff"],
    "level": "introductory",
    "estimated_hours": 2,
    "language": "en",
    "awards_certificate": True,
    "outcomes": [
        "Explain why migrants are often missed by emergency warnings and assistance.",
        "Map the migrant communities in your area in a safe and respectful way.",
        "Build a network of trusted contacts inside migrant communities.",
        "Prepare early warnings that people can understand in their own languages.",
        "Check a contingency plan for gaps that leave migrants out.",
        "Plan a joint exercise that involves migrant community members.",
    ],
    "modules": [
        {
            "slug": "know-who-lives-here",
            "title": "Know who lives here",
            "summary": (
                "Find out who the migrants in your area are, why they are often missed, and how to "
                "build trust with them."
            ),
            "lessons": [
                {
                    "slug": "why-migrants-are-missed",
                    "title": "Why migrants are missed in emergencies",
                    "summary": (
                        "Understand the common barriers that stop migrants from getting warnings "
                        "and help."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Migrants face extra barriers", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In an emergency, everyone is at risk. But some people face "
                                "extra barriers that make it harder to stay safe. Migrants are "
                                "often one of these groups. A migrant is anyone who has moved away "
                                "from their usual home, inside their country or across a border. "
                                "In this course we mostly mean people from other countries: "
                                "workers, students, family members, refugees, tourists and people "
                                "without legal status.</p>"
                                "<p>Migrants are not weaker than other people. Many have survived "
                                "hard journeys and are very resourceful. The problem is that "
                                "emergency systems often assume that everyone speaks the local "
                                "language, knows the local rules and has family or friends nearby. "
                                "When these assumptions are wrong, people fall through the "
                                "gaps.</p>"
                            ),
                        ),
                        ("heading", {"text": "Common barriers", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Language.</b> Warnings, signs and instructions may only be "
                                "in the national language.</li>"
                                "<li><b>Information.</b> People may not know the emergency phone "
                                "number, where the shelters are or what the sirens mean.</li>"
                                "<li><b>Fear.</b> People without papers may avoid police, soldiers "
                                "or officials because they fear arrest or deportation.</li>"
                                "<li><b>Documents.</b> Some employers keep their workers' "
                                "passports. Without papers, people may be turned away at shelters "
                                "or checkpoints.</li>"
                                "<li><b>Isolation.</b> Domestic workers, farm workers and people "
                                "in remote work camps may be cut off from news and neighbours.</li>"
                                "<li><b>Money and transport.</b> Many migrants cannot afford to "
                                "leave, or depend on an employer for transport.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Not invisible, just not planned for",
                                "text": (
                                    "<p>Migrants are often missed not because they hide, but "
                                    "because nobody planned for them. Good preparation makes them "
                                    "visible to the services that need to reach them.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "During the floods we had sirens, text alerts and radio "
                                    "messages. Later we learned that a whole street of seasonal "
                                    "workers heard the sirens but did not know what they meant. "
                                    "Nobody had ever told them."
                                ),
                                "attribution": "A municipal emergency coordinator (illustrative)",
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Questions to ask about your own area",
                                "items": [
                                    (
                                        "Which languages are spoken here, apart from the national "
                                        "language?"
                                    ),
                                    (
                                        "Do our warnings reach people who do not follow local TV, "
                                        "radio or news sites?"
                                    ),
                                    "Could a person without papers ask us for help without fear?",
                                    (
                                        "Do we know where migrant workers live and work, including "
                                        "remote sites?"
                                    ),
                                    "Who in our team has contact with migrant community leaders?",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Write down your answers. You will use them in the next lessons "
                                "to build a simple picture of who lives in your area and how to "
                                "reach them.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "mapping-migrant-communities",
                    "title": "Mapping migrant communities safely",
                    "summary": (
                        "Build a simple picture of where migrants live and work, without putting "
                        "anyone at risk."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "What a community map is for", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>A community map is a simple picture of who lives in your area "
                                "and how to reach them. It can be a real map, but it can also be a "
                                "table or a set of notes. Its aim is to answer three questions "
                                "before a crisis starts:</p>"
                                "<ol>"
                                "<li>Which migrant groups live or work here, and roughly how many "
                                "people are there?</li>"
                                "<li>Where are they, and which languages do they use?</li>"
                                "<li>Who can we contact to reach them quickly?</li>"
                                "</ol>"
                            ),
                        ),
                        ("heading", {"text": "Where to find information", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>You rarely need to collect new data from individuals. Start "
                                "with information that already exists:</p>"
                                "<ul>"
                                "<li>Local government sources, such as the languages used by "
                                "schools and health clinics. Use totals only, never names.</li>"
                                "<li>Employers and business associations in farming, building, "
                                "fishing, hotels and care work.</li>"
                                "<li>Embassies and consulates, which often know roughly how many "
                                "of their nationals live in the area.</li>"
                                "<li>Faith groups, community associations, migrant-run shops and "
                                "money transfer offices.</li>"
                                "<li>NGOs, trade unions and international organisations that work "
                                "with migrants.</li>"
                                "</ul>"
                                "<p>Also walk around the area. Look for signs in other languages, "
                                "places of worship and shops selling food from other countries. "
                                "These are clues about who lives nearby.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Do no harm with data",
                                "text": (
                                    "<p>A list of migrants' names and addresses can be dangerous. "
                                    "In the wrong hands it could be used to arrest, exploit or "
                                    "attack people. Map <b>groups and places</b>, not individuals. "
                                    "Record numbers as estimates. Store the map safely and share "
                                    "it only with people who need it for emergency work. Never use "
                                    "it for immigration checks.</p>"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Your community map should show",
                                "items": [
                                    "The main nationalities and languages, with rough numbers",
                                    (
                                        "Neighbourhoods, work sites and housing where many "
                                        "migrants live or work"
                                    ),
                                    (
                                        "Hidden groups, such as live-in domestic workers or "
                                        "seasonal farm workers"
                                    ),
                                    "Trusted contacts for each group, with a backup contact",
                                    (
                                        "The best channels to reach each group, such as a "
                                        "messaging group or a radio station"
                                    ),
                                    "The date of the last update",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: The farm workers nobody counted",
                                "situation": (
                                    "<p>You work for a small town council. While mapping, you talk "
                                    "to a local shopkeeper. She mentions that about fifty workers "
                                    "arrive every spring to pick fruit. They live in caravans on a "
                                    "farm outside town. None of them appear in any council record. "
                                    "The farm is in an area at risk of wildfires.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Add the group to your map as an estimate, with the farm "
                                    "location and the months when the workers are there. Contact "
                                    "the farm owner and explain that you are planning for "
                                    "emergencies, not checking papers. Ask which languages the "
                                    "workers speak and who among them could be a contact. Check "
                                    "that the wildfire evacuation plan covers the farm and that "
                                    "the workers have transport.</p>"
                                ),
                                "discussion": [
                                    (
                                        "How would you explain your visit so that the farm owner "
                                        "and workers do not feel threatened?"
                                    ),
                                    (
                                        "Who else in your area might know about seasonal or hidden "
                                        "workers?"
                                    ),
                                    "How often should a map like this be updated?",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Update your map at least once a year, and before any high-risk "
                                "season such as floods or wildfires. Communities change "
                                "quickly.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "building-trust-and-contact-networks",
                    "title": "Building trust and contact networks",
                    "summary": (
                        "Create a network of trusted people who can pass on warnings and tell you "
                        "what their community needs."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Trust is built before the crisis", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In an emergency, people act on information from sources they "
                                "trust. For many migrants, that is not a government website. It is "
                                "a friend, a community leader, a faith leader or a group chat. If "
                                "you want your messages to reach them, you need to be connected to "
                                "those trusted people <b>before</b> the crisis starts.</p>"
                                "<p>Trust takes time. You cannot build it in the middle of a "
                                "flood. Start now, with small and regular contact.</p>"
                            ),
                        ),
                        ("heading", {"text": "Who to include in your network", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Community leaders and associations</b> for each main "
                                "nationality or language group.</li>"
                                "<li><b>Faith leaders</b> at mosques, churches, temples and other "
                                "places of worship.</li>"
                                "<li><b>Migrant-run businesses</b>, such as shops, restaurants and "
                                "money transfer offices.</li>"
                                "<li><b>Consular staff</b> from the countries whose nationals live "
                                "in your area.</li>"
                                "<li><b>Employers and recruiters</b> who hire migrant workers.</li>"
                                "<li><b>NGOs, trade unions and volunteers</b> who already work "
                                "with migrants.</li>"
                                "</ul>"
                                "<p>Try to include women, young people and people from smaller "
                                "groups, not only the best-known leaders. One leader cannot speak "
                                "for everyone.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Be clear about your role",
                                "text": (
                                    "<p>Explain who you are and what you want. Say clearly that "
                                    "you are planning for emergencies and that you will not use "
                                    "your contacts for immigration checks. Only make promises you "
                                    "can keep. If you are not sure what your service can promise, "
                                    "ask your manager first.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Keep the network alive", "level": "h3"}),
                        (
                            "checklist",
                            {
                                "title": "Simple ways to keep in touch",
                                "items": [
                                    (
                                        "Meet community contacts at least twice a year, in places "
                                        "where they feel comfortable"
                                    ),
                                    "Share useful safety information, not only requests",
                                    "Invite contacts to local emergency planning meetings",
                                    "Keep a contact list with at least two people for each group",
                                    "Check phone numbers and messaging groups every few months",
                                    (
                                        "Thank people for their help and tell them what changed "
                                        "because of it"
                                    ),
                                ],
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "The first time the fire service came to our community centre, "
                                    "people were nervous. By the third visit, they were asking "
                                    "questions about smoke alarms. When the storm came, our group "
                                    "chat passed on their warnings in four languages within an "
                                    "hour."
                                ),
                                "attribution": "A migrant community volunteer (illustrative)",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Remember that your contacts are volunteers, not staff. Do not "
                                "overload them. Agree in advance what they can do in an emergency. "
                                "For example, they might pass on warnings, help with interpreting "
                                "or tell you where people need help. Also agree what they should "
                                "do if they cannot reach you.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "warn-and-plan-together",
            "title": "Warn and plan together",
            "summary": (
                "Reach migrants with warnings they understand, and include them in your "
                "contingency plans and exercises."
            ),
            "lessons": [
                {
                    "slug": "multilingual-early-warnings",
                    "title": "Early warnings in many languages",
                    "summary": "Prepare warning messages that migrants can understand and act on.",
                    "minutes": 20,
                    "body": [
                        (
                            "heading",
                            {
                                "text": "A warning only works if people understand it",
                                "level": "h2",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>An early warning tells people that danger is coming and what "
                                "they should do. It only works if people receive it, understand it "
                                "and trust it. Migrants can miss all three steps. They may not be "
                                "on local alert lists. They may not understand the language. They "
                                "may not trust a message that comes from the authorities.</p>"
                                "<p>The good news is that you can do most of this work in advance, "
                                "when you have time.</p>"
                            ),
                        ),
                        (
                            "heading",
                            {"text": "Prepare messages before you need them", "level": "h3"},
                        ),
                        (
                            "paragraph",
                            (
                                "<ol>"
                                "<li><b>Pick the main hazards</b> for your area, such as floods, "
                                "storms, fires or heatwaves.</li>"
                                "<li><b>Write short template messages</b> for each hazard. Say "
                                "what is happening, where, and what people should do now.</li>"
                                "<li><b>Translate them</b> into the main languages on your "
                                "community map. Use professional translators where possible.</li>"
                                "<li><b>Test them</b> with community contacts. Ask them to explain "
                                "the message back to you in their own words.</li>"
                                "<li><b>Store them</b> where the people who send warnings can find "
                                "them quickly.</li>"
                                "</ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Keep it short and clear",
                                "text": (
                                    "<p>Use short sentences and simple words. Give one clear "
                                    "action, such as 'Go to the school on Main Street now.' Add "
                                    "the emergency phone number. Say clearly that help is for "
                                    "everyone, whatever their nationality or papers.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Use more than one channel", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>No single channel reaches everyone. Combine several:</p>"
                                "<ul>"
                                "<li>Mobile phone alerts. Check whether your system also reaches "
                                "foreign phone numbers.</li>"
                                "<li>Messaging groups run by community contacts.</li>"
                                "<li>Radio stations and social media pages in migrant "
                                "languages.</li>"
                                "<li>Sirens and loudspeakers, if people have learned what they "
                                "mean.</li>"
                                "<li>Door-to-door visits, especially to isolated workers.</li>"
                                "<li>Posters with pictures and symbols for people who do not read "
                                "well.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: A heatwave warning",
                                "situation": (
                                    "<p>A dangerous heatwave is forecast for next week. Your "
                                    "municipality has a heat warning in the national language "
                                    "only. Many building workers in your area come from two other "
                                    "countries. They work outside all day, and their employers set "
                                    "their hours.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Use your prepared translations of the heat message, or get "
                                    "them translated quickly. Send them through community contacts "
                                    "and the workers' own messaging groups. Contact employers "
                                    "directly and remind them of their duty to protect workers, "
                                    "for example with water, shade and rest breaks. Ask the "
                                    "consulates of the two countries to share the warning with "
                                    "their nationals.</p>"
                                ),
                                "discussion": [
                                    "Why is it important to contact employers as well as workers?",
                                    "How would you check that the warning was understood?",
                                    "What would you do if you found a mistake in a translation?",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "including-migrants-in-contingency-plans",
                    "title": "Including migrants in contingency plans",
                    "summary": (
                        "Check your emergency plans for gaps that leave migrants out, and close "
                        "them before a crisis."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "What a contingency plan is", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>A contingency plan says who does what if a particular "
                                "emergency happens. It covers things like warnings, evacuation, "
                                "shelters, health care and communication. Most municipalities, "
                                "emergency services and consulates have one. The question is "
                                "whether the plan works for everyone who lives in the area, or "
                                "only for citizens.</p>"
                                "<p>International good practice, such as the guidelines of the "
                                "Migrants in Countries in Crisis (MICIC) Initiative, asks "
                                "countries to include migrants in emergency planning. This means "
                                "thinking about their specific needs and, where possible, "
                                "involving them in writing the plan.</p>"
                            ),
                        ),
                        ("heading", {"text": "Look for the gaps", "level": "h3"}),
                        (
                            "checklist",
                            {
                                "title": "Check your plan. Does it...",
                                "items": [
                                    (
                                        "Say clearly that assistance is for everyone, whatever "
                                        "their nationality or status?"
                                    ),
                                    (
                                        "Include warnings in the main languages on your community "
                                        "map?"
                                    ),
                                    (
                                        "Name interpreters or bilingual staff who can help at "
                                        "shelters and hotlines?"
                                    ),
                                    (
                                        "Accept people at shelters and checkpoints even if they "
                                        "have no documents?"
                                    ),
                                    (
                                        "Cover isolated groups, such as live-in domestic workers "
                                        "and seasonal workers?"
                                    ),
                                    "List consulate contacts and explain how to work with them?",
                                    "Explain how personal data about migrants will be protected?",
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Fear of enforcement costs lives",
                                "text": (
                                    "<p>If migrants believe that asking for help will lead to "
                                    "arrest, many will stay away from shelters and evacuation "
                                    "points. Work with your managers and partners to agree a clear "
                                    "policy: during an emergency, services focus on safety, not on "
                                    "immigration checks. Then make sure migrants hear about that "
                                    "policy.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Involve migrants in planning", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>People know their own needs best. Invite migrant community "
                                "contacts to planning meetings. Ask them simple questions. How "
                                "would you hear about a danger? Where would you go? What would "
                                "stop you from going? Their answers often show gaps that officials "
                                "did not see.</p>"
                                "<p>Also think about the role of <b>consulates</b>. In a large "
                                "crisis, foreign governments may want to help or evacuate their "
                                "nationals. Your plan should say who talks to consulates, how you "
                                "share information with them and how you work together on "
                                "transport and documents.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "We had a beautiful plan on paper. Then a group of migrant "
                                    "women read it and asked: 'Where do we go if our employer "
                                    "locks the door?' Nobody had thought of that question."
                                ),
                                "attribution": "An emergency planning officer (illustrative)",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Finally, write down who is responsible for migrant issues in "
                                "your plan. If it is everybody's job, it can easily become "
                                "nobody's job.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "practising-together",
                    "title": "Practising together: drills and exercises",
                    "summary": (
                        "Test your plans together with migrant communities through drills and "
                        "exercises."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Why you need to practise", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>A plan that has never been tested is only a guess. Drills and "
                                "exercises show you what works and what does not, while mistakes "
                                "are still cheap. They also build trust. When migrants take part "
                                "in a drill, they learn the routes and signals. They also meet the "
                                "responders who will help them in a real emergency.</p>"
                            ),
                        ),
                        ("heading", {"text": "Types of exercises", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Table-top exercise.</b> People sit around a table and talk "
                                "through an imaginary emergency step by step. It is cheap and good "
                                "for finding gaps in the plan.</li>"
                                "<li><b>Communication test.</b> You send a test warning through "
                                "all your channels and check who received and understood it.</li>"
                                "<li><b>Evacuation drill.</b> People practise leaving an area and "
                                "going to a safe place. This tests routes, signs and timing.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Start small",
                                "text": (
                                    "<p>You do not need a big exercise to learn a lot. A one-hour "
                                    "table-top discussion with three community contacts, a "
                                    "firefighter and a council officer can show you important "
                                    "gaps.</p>"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "When you plan an exercise with migrant communities",
                                "items": [
                                    "Invite community contacts to help design the exercise",
                                    (
                                        "Explain the purpose clearly, so nobody thinks it is a "
                                        "real emergency or an immigration check"
                                    ),
                                    "Provide interpreters and translated materials",
                                    (
                                        "Choose a time when workers can attend, such as evenings "
                                        "or rest days"
                                    ),
                                    "Include at least one question about people without documents",
                                    "Hold a short debrief and write down what you learned",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: The test message",
                                "situation": (
                                    "<p>Your team runs a communication test. You send a flood "
                                    "warning in four languages through mobile alerts and community "
                                    "messaging groups. Afterwards, a community contact tells you "
                                    "that one group received the message in the wrong language. "
                                    "Another group thought there was a real flood, and some people "
                                    "left work in a panic.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Thank your contacts for the feedback. Fix the language "
                                    "list for each channel. For future tests, put the word 'TEST' "
                                    "clearly at the start of every message, in every language. "
                                    "Tell people in advance through trusted contacts. Record these "
                                    "lessons and update your plan.</p>"
                                ),
                                "discussion": [
                                    "How could you have prevented the panic?",
                                    "Who should be told in advance about a test?",
                                    (
                                        "What would you measure to decide whether the test was a "
                                        "success?"
                                    ),
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>After each exercise, share the results with everyone who took "
                                "part, including community members. Show them what you changed. "
                                "This proves that their time was well spent and keeps them "
                                "involved next time.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}
