"""Demo course: crisis response (content written for Crisis Ready)."""

COURSE = {
    "slug": "protecting-migrants-during-an-emergency",
    "title": "Protecting migrants during an emergency",
    "summary": (
        "Practical steps to help migrants during a conflict or disaster: help for all, working "
        "with consulates, replacing lost papers, protecting people at risk and clear communication."
    ),
    "description": (
        "<p>When a crisis strikes, migrants can be trapped, lose their documents or be unable to "
        "reach help. Some are afraid of the very people who are trying to help them. What you do "
        "in the first days can make a big difference to their safety.</p>"
        "<p>This course covers the emergency itself. You will learn how to help people whatever "
        "their migration status, how to work with consulates and embassies, what to do when people "
        "have lost their papers, and how to protect children and people at risk of trafficking.</p>"
        "<p>It is written for first responders, consular officers, local authorities and staff of "
        "international organisations. It follows on from the preparedness course, but you can also "
        "take it on its own.</p>"
    ),
    "phase": "response",
    "audiences": [
        "first-responders",
        "consular-staff",
        "local-authorities",
        "international-organisations",
    ],
    "level": "intermediate",
    "estimated_hours": 3,
    "language": "en",
    "awards_certificate": True,
    # Emergency response skills fade: the certificate lasts two years and is renewed.
    "validity_months": 24,
    "outcomes": [
        "Give life-saving help to everyone, whatever their nationality or migration status.",
        "Organise evacuation and shelter so that migrants are not left behind.",
        "Communicate clearly and in the right languages during an emergency.",
        "Work with consulates and embassies to assist their nationals.",
        "Help people who have lost their identity or travel documents.",
        "Recognise and protect unaccompanied children and people at risk of trafficking.",
    ],
    "modules": [
        {
            "slug": "help-everyone-first",
            "title": "Help everyone first",
            "summary": (
                "Give assistance, evacuation and information to everyone, whatever their papers."
            ),
            "lessons": [
                {
                    "slug": "assistance-regardless-of-status",
                    "title": "Assistance regardless of migration status",
                    "summary": "Why and how you give help based on need, not on papers.",
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Need comes first", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In an emergency, your first job is to save lives and reduce "
                                "suffering. Humanitarian principles, and standards such as the "
                                "Sphere Handbook, say that help must be given on the basis of need "
                                "alone. It must not depend on a person's nationality, religion, "
                                "gender or migration status.</p>"
                                "<p>This means that a migrant without papers has the same right as "
                                "anyone else to be rescued, treated for injuries and given water, "
                                "food and shelter. Checking immigration status is not part of "
                                "emergency assistance.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Help first, questions later",
                                "text": (
                                    "<p>Do not ask about migration status before you give "
                                    "life-saving help. If you need information to help someone, "
                                    "such as their name or a person to contact, ask only for what "
                                    "you need and explain why you are asking.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Why migrants may stay away", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>Even when help is open to all, many migrants will not come "
                                "forward. They may:</p>"
                                "<ul>"
                                "<li>fear arrest, detention or deportation;</li>"
                                "<li>have had bad experiences with police or officials in the "
                                "past;</li>"
                                "<li>not know that help is available to them;</li>"
                                "<li>think that shelters are only for citizens;</li>"
                                "<li>be told by an employer to stay and keep working.</li>"
                                "</ul>"
                                "<p>Your job is to remove these barriers, not to wait until people "
                                "find their own way to you.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Practical steps to make help open to all",
                                "items": [
                                    "Tell your team clearly that assistance is for everyone",
                                    (
                                        "Do not ask for documents at shelters, food points or "
                                        "medical posts"
                                    ),
                                    (
                                        "Say in your messages that help is free and open to all "
                                        "nationalities"
                                    ),
                                    (
                                        "Ask community contacts to spread the word and to go with "
                                        "people who are afraid"
                                    ),
                                    (
                                        "Keep immigration enforcement away from assistance sites, "
                                        "as far as your law and policy allow"
                                    ),
                                    "Record only the information you need to give help",
                                ],
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "A man waited outside our shelter for a whole night in the "
                                    "rain. In the morning he asked, very quietly, if people "
                                    "without a visa could come in. He had been too afraid to ask."
                                ),
                                "attribution": "A shelter volunteer (illustrative)",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Some situations are difficult. Another authority may ask you "
                                "to check papers during the emergency. If this happens, talk to "
                                "your manager. Explain that fear of checks keeps people away from "
                                "help and can cost lives. International good practice, including "
                                "the MICIC Initiative guidelines, asks countries to make sure that "
                                "migrants can get help in a crisis whatever their status.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "safe-evacuation-and-shelter",
                    "title": "Evacuation and shelter without barriers",
                    "summary": "Make sure migrants can leave danger and find safe shelter.",
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Getting people out", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>Evacuation means moving people away from danger to a safer "
                                "place. Migrants can face special problems during an evacuation. "
                                "They may not have a car or money for transport. Their employer "
                                "may control where they go. They may not know the routes or the "
                                "meeting points. Some may be in detention centres or locked "
                                "workplaces.</p>"
                            ),
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: The locked compound",
                                "situation": (
                                    "<p>You lead a fire crew during a wildfire evacuation. A "
                                    "neighbour tells you that about twenty workers live in a "
                                    "compound on a nearby farm. The gate is locked and the owner "
                                    "has already left. The workers do not speak the local "
                                    "language.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Treat this as a rescue. Report the location to your "
                                    "command so the workers are added to the evacuation list. Open "
                                    "the gate if needed, following your rules. Use gestures, "
                                    "pictures or a phone translation app to explain the danger. "
                                    "Bring the workers to an evacuation point with everyone else. "
                                    "Note any signs that they were locked in against their will, "
                                    "and report this once the immediate danger has passed.</p>"
                                ),
                                "discussion": [
                                    (
                                        "What would you say to the workers if they are afraid to "
                                        "come with you?"
                                    ),
                                    (
                                        "Who should you inform about the locked compound after the "
                                        "evacuation?"
                                    ),
                                    "How could better preparation have avoided this situation?",
                                ],
                            },
                        ),
                        ("heading", {"text": "Shelters that welcome everyone", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>Once people are safe, they need shelter, food, water, health "
                                "care and information. A shelter only works for migrants if they "
                                "feel safe going there. Think about:</p>"
                                "<ul>"
                                "<li><b>Registration.</b> Ask for a name and a contact, not for a "
                                "passport or visa.</li>"
                                "<li><b>Language.</b> Put up signs with pictures and key words in "
                                "the main languages. Find bilingual staff or volunteers.</li>"
                                "<li><b>Food and religion.</b> Offer food that respects different "
                                "diets and beliefs.</li>"
                                "<li><b>Safety.</b> Provide safe spaces for women, children and "
                                "people at risk of abuse.</li>"
                                "<li><b>Information.</b> Post clear updates about the situation, "
                                "consulate contacts and what happens next.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Keep families together",
                                "text": (
                                    "<p>Do not separate families during evacuation or in shelters. "
                                    "If someone is missing, record the details and start tracing "
                                    "quickly. Being separated from family makes people much more "
                                    "vulnerable, especially children.</p>"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Before you leave an area, check that",
                                "items": [
                                    (
                                        "Migrant work sites and housing on your community map have "
                                        "been visited"
                                    ),
                                    (
                                        "Detention centres and prisons have started their "
                                        "evacuation plans"
                                    ),
                                    (
                                        "You have asked about domestic workers living in private "
                                        "homes"
                                    ),
                                    "People without transport have been offered a place",
                                    "Community contacts know where the evacuation points are",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "communicating-during-the-emergency",
                    "title": "Communicating during the emergency",
                    "summary": (
                        "Give migrants clear, timely and trusted information while the crisis is "
                        "happening."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Information is a form of help", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In an emergency, people need information as much as food or "
                                "water. They need to know what is happening, where to go, how to "
                                "get help and how to contact their families. Migrants also need to "
                                "know what their consulate is doing and whether they can travel. "
                                "Without clear information, rumours spread fast. Rumours can lead "
                                "people to take dangerous routes or to avoid help.</p>"
                            ),
                        ),
                        ("heading", {"text": "Five rules for crisis messages", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ol>"
                                "<li><b>Be fast.</b> Share what you know early, and say when you "
                                "will give an update.</li>"
                                "<li><b>Be clear.</b> Use short sentences and say what people "
                                "should do.</li>"
                                "<li><b>Be consistent.</b> Agree key messages with partners, so "
                                "people do not hear different stories.</li>"
                                "<li><b>Use their languages.</b> Use your prepared translations, "
                                "interpreters and community contacts.</li>"
                                "<li><b>Listen.</b> Ask what people are hearing and what worries "
                                "them. Answer the questions they actually ask.</li>"
                                "</ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Work well with interpreters",
                                "text": (
                                    "<p>Speak to the person, not to the interpreter. Use short "
                                    "sentences and pause often. Avoid using children as "
                                    "interpreters, especially for medical or sensitive topics. If "
                                    "you use a phone translation app, check that the person "
                                    "understood by asking them to repeat the key point.</p>"
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: A rumour about the border",
                                "situation": (
                                    "<p>Three days after an earthquake, you work at a municipal "
                                    "information point. Several migrants tell you they heard that "
                                    "the border will close tomorrow and that anyone still in the "
                                    "country will be arrested. Some plan to walk to the border "
                                    "tonight.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Do not guess. Check the facts quickly with your "
                                    "coordination centre and the consulates concerned. Share what "
                                    "is true, in plain language, through the same channels where "
                                    "the rumour spread, such as community messaging groups. "
                                    "Explain the risks of travelling at night. If you do not know "
                                    "the answer yet, say so, and tell people when and where you "
                                    "will give an update.</p>"
                                ),
                                "discussion": [
                                    "Why is it better to say 'we do not know yet' than to guess?",
                                    "Which channels would you use to correct the rumour?",
                                    "Who should agree the message before it is shared?",
                                ],
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "The most useful thing we did was a daily voice message in "
                                    "five languages. It was only two minutes long. People told us "
                                    "it was the one source they trusted."
                                ),
                                "attribution": (
                                    "A field officer at an international organisation "
                                    "(illustrative)"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Communication must go both ways. Set up a hotline, a help desk "
                                "or a messaging number where migrants can ask questions and report "
                                "people who need help. Make sure someone answers, in languages "
                                "people understand.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "consulates-and-documents",
            "title": "Consulates and documents",
            "summary": (
                "Work with consulates and embassies, help people who have lost their papers and "
                "handle personal data safely."
            ),
            "lessons": [
                {
                    "slug": "working-with-consulates-and-embassies",
                    "title": "Working with consulates and embassies",
                    "summary": (
                        "Understand what consulates can do and how to coordinate with them."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "What consulates do in a crisis", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>A consulate or embassy represents a foreign country. In a "
                                "crisis, consular officers help their own nationals. They may:</p>"
                                "<ul>"
                                "<li>find out where their nationals are and whether they are "
                                "safe;</li>"
                                "<li>issue emergency travel documents to people who have lost "
                                "their passports;</li>"
                                "<li>give information and advice in the migrants' own "
                                "language;</li>"
                                "<li>organise or support evacuation and return for people who want "
                                "to leave;</li>"
                                "<li>help families at home find missing relatives.</li>"
                                "</ul>"
                                "<p>The consulate's work does not replace the help you give. Local "
                                "services are still responsible for emergency assistance to "
                                "everyone in their area.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Coordination saves time",
                                "text": (
                                    "<p>When consulates and local authorities work together, "
                                    "people get help faster. When they work apart, they repeat "
                                    "each other's work, give mixed messages and leave gaps.</p>"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Good practice for local authorities",
                                "items": [
                                    (
                                        "Keep an up-to-date list of consular contacts, including "
                                        "out-of-hours numbers"
                                    ),
                                    "Invite consular staff to your coordination meetings",
                                    "Agree one contact person on each side",
                                    (
                                        "Share general information, such as shelter locations and "
                                        "the number of people helped"
                                    ),
                                    (
                                        "Share personal information only with the person's "
                                        "consent, or where the law allows it"
                                    ),
                                    (
                                        "Help consular officers reach shelters, hospitals and "
                                        "detention centres"
                                    ),
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p><b>If you are a consular officer,</b> introduce yourself early "
                                "to local emergency services. Tell them what you can offer and "
                                "what you need. Ask for access to places where your nationals may "
                                "be. Remember that not every national will want contact with you. "
                                "Some people, such as refugees, may fear their own government.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Respect the person's choice",
                                "text": (
                                    "<p>Never share a person's details with their consulate if "
                                    "they may be a refugee or asylum seeker, or if they say they "
                                    "do not want contact. Always ask first. Contact with their own "
                                    "government could put them or their family in danger.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "The local fire chief gave us a desk in the emergency centre. "
                                    "Every morning we checked the shelter lists together, with "
                                    "people's consent. We found most of our missing nationals in "
                                    "two days."
                                ),
                                "attribution": "A consular officer (illustrative)",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Some countries have no consulate nearby. In that case, another "
                                "country may represent them, or an international organisation such "
                                "as IOM may help. Find out in advance who covers which "
                                "nationalities in your area.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "lost-papers-and-emergency-travel-documents",
                    "title": "Lost papers and emergency travel documents",
                    "summary": (
                        "Help people prove who they are and get the papers they need to stay safe "
                        "or travel."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Why documents matter in a crisis", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In a crisis, many migrants lose their documents. Papers are "
                                "destroyed in fires and floods, left behind when people run, or "
                                "kept by employers. Without documents, people can struggle to pass "
                                "checkpoints, receive money, get medical care, cross borders or "
                                "prove that they have the right to stay.</p>"
                                "<p>Documents are never a condition for emergency help. But they "
                                "often become important in the days and weeks after the first "
                                "danger has passed.</p>"
                            ),
                        ),
                        ("heading", {"text": "Helping people prove who they are", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>People can often prove who they are in other ways. Ask whether "
                                "they have:</p>"
                                "<ul>"
                                "<li>a photo or scan of their passport on their phone or in their "
                                "email;</li>"
                                "<li>a work contract, pay slip, residence card, driving licence or "
                                "student card;</li>"
                                "<li>an employer, landlord or community leader who knows them;</li>"
                                "<li>family members who can send copies of documents.</li>"
                                "</ul>"
                                "<p>Their consulate can usually check their identity using its own "
                                "records.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Copies save time",
                                "text": (
                                    "<p>Before a high-risk season, encourage migrants to keep "
                                    "photos of their key documents on their phone or online. In an "
                                    "emergency, ask people if they have such copies. They can make "
                                    "replacing documents much faster.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Emergency travel documents", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>A person who has lost their passport and wants to leave the "
                                "country usually needs an <b>emergency travel document</b>. This "
                                "is a temporary paper issued by their own country's consulate or "
                                "embassy. It normally allows one trip home. Some countries call it "
                                "a laissez-passer.</p>"
                                "<p>The host country may also need to act. Some people need an "
                                "exit permit, or owe fines for staying longer than their visa "
                                "allowed. In past crises, some host countries waived these rules "
                                "so that people could leave safely. Local officials can help by "
                                "explaining the rules and passing questions to the right "
                                "authority.</p>"
                            ),
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: The passport kept by the employer",
                                "situation": (
                                    "<p>At a shelter, a domestic worker tells you she wants to go "
                                    "home. Her employer kept her passport and has now left the "
                                    "city. She has no copy. She is afraid that she will be fined "
                                    "or arrested at the airport.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Reassure her that she is safe at the shelter. With her "
                                    "consent, contact her consulate to ask for an emergency travel "
                                    "document. Ask what proof of identity they need. Tell the "
                                    "relevant authority that her employer kept her passport, "
                                    "because this can be a sign of exploitation. Find out from "
                                    "immigration officials whether exit fines are being waived, "
                                    "and tell her the answer clearly.</p>"
                                ),
                                "discussion": [
                                    (
                                        "Why is it important to get her consent before you contact "
                                        "the consulate?"
                                    ),
                                    "What other signs of exploitation would you look for?",
                                    "Who in your area could answer questions about exit rules?",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "handling-personal-information-safely",
                    "title": "Handling personal information safely",
                    "summary": (
                        "Collect and share personal information in a way that protects people."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Data can protect or harm", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In a crisis, you collect a lot of personal information: names, "
                                "nationalities, locations, health needs and family links. This "
                                "data helps you to find people, reunite families and plan "
                                "assistance. But it can also cause harm. It could be used to "
                                "arrest people, to target them for abuse or to put pressure on "
                                "their families.</p>"
                                "<p>Migrants are especially at risk. Their data can reveal their "
                                "migration status, and some of them may be fleeing their own "
                                "government.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Collect less, protect more",
                                "text": (
                                    "<p>Only collect what you need to help. Keep it secure. Share "
                                    "it only for a clear purpose, with the right people, and with "
                                    "consent wherever possible.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Basic rules", "level": "h3"}),
                        (
                            "checklist",
                            {
                                "title": "Before you collect or share data, ask",
                                "items": [
                                    "Do I really need this information to help the person?",
                                    "Have I explained why I am asking and who will see it?",
                                    "Has the person agreed, if they are able to?",
                                    (
                                        "Is the data stored safely, with a password or in a locked "
                                        "place?"
                                    ),
                                    "Who will I share it with, and what will they do with it?",
                                    "When will this data be deleted?",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p><b>Informed consent</b> means that the person understands what "
                                "you will do with their information and agrees freely. Explain it "
                                "in their language. Never make help depend on their agreement to "
                                "share data. If someone cannot decide, for example because they "
                                "are unconscious, follow your service's rules on acting in their "
                                "best interests. For children, follow child protection "
                                "procedures.</p>"
                            ),
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: A request for the shelter list",
                                "situation": (
                                    "<p>You manage a shelter. An official from another agency "
                                    "calls and asks for a full list of the foreign nationals "
                                    "staying with you, with names, nationalities and passport "
                                    "numbers. They do not say why.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Do not send the list straight away. Ask who they are, why "
                                    "they need the data and which law allows them to ask for it. "
                                    "Check with your manager and your data protection contact. If "
                                    "there is a valid humanitarian purpose, share only the data "
                                    "needed for that purpose. If the request is for immigration "
                                    "enforcement, raise it with your manager, because it could "
                                    "stop people from seeking help.</p>"
                                ),
                                "discussion": [
                                    "What information could you share safely without names?",
                                    "Who in your organisation decides on requests for data?",
                                    "How would you explain your decision to the person asking?",
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "protect-people-at-risk",
            "title": "Protect people at risk",
            "summary": (
                "Identify and protect unaccompanied children, people at risk of trafficking and "
                "migrants who are trapped."
            ),
            "lessons": [
                {
                    "slug": "unaccompanied-and-separated-children",
                    "title": "Unaccompanied and separated children",
                    "summary": (
                        "Recognise children on their own and take the right first steps to protect "
                        "them."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Who are these children?", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>An <b>unaccompanied child</b> is a person under 18 who is not "
                                "with either parent or with any other adult who is responsible for "
                                "them. A <b>separated child</b> is apart from their parents or "
                                "usual carer, but may be with another relative or adult.</p>"
                                "<p>In crises, many children become separated from their families. "
                                "Migrant children face extra risks. They may not speak the "
                                "language, may have no documents and may be targeted by "
                                "traffickers or other people who want to exploit them.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "The best interests of the child",
                                "text": (
                                    "<p>In every decision, the child's best interests come first. "
                                    "This is a basic rule of the UN Convention on the Rights of "
                                    "the Child. A child is a child first, and a migrant second.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {"text": "First steps when you find a child alone", "level": "h3"},
                        ),
                        (
                            "paragraph",
                            (
                                "<ol>"
                                "<li>Keep the child safe and with you, or with a trusted "
                                "colleague. Do not leave them alone.</li>"
                                "<li>Speak calmly, at their eye level, in simple words. Find an "
                                "interpreter if needed.</li>"
                                "<li>Ask for their name, age, where they come from and who they "
                                "were with. Do not push for details.</li>"
                                "<li>Record where and when you found them, and who was nearby.</li>"
                                "<li>Refer the child to the child protection authority as soon as "
                                "possible.</li>"
                                "<li>Start family tracing through the proper channels, such as "
                                "child protection services or the family tracing services of the "
                                "Red Cross and Red Crescent.</li>"
                                "</ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Do not do this",
                                "text": (
                                    "<p>Do not post photos of a lost child on social media. Do not "
                                    "hand a child to an adult who says they are a relative without "
                                    "checking. Do not place children in the same sleeping area as "
                                    "unrelated adults in a shelter. Do not detain children because "
                                    "of their migration status.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "A boy of about twelve sat next to our ambulance for hours. He "
                                    "said his uncle had gone to find water. Later we learned the "
                                    "man was not his uncle at all. Since then, we always call "
                                    "child protection first."
                                ),
                                "attribution": "A paramedic (illustrative)",
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Information to record for each child",
                                "items": [
                                    "Name, age and nationality, as the child gives them",
                                    "Languages spoken",
                                    "Place, date and time the child was found",
                                    "Names of family members and where they were last seen",
                                    "Any health or safety concerns",
                                    "Who the child was referred to, and when",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "trafficking-and-exploitation-risks",
                    "title": "Trafficking and exploitation risks",
                    "summary": "Spot signs of trafficking and exploitation and respond safely.",
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Why crises increase the risk", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p><b>Human trafficking</b> means recruiting, moving or holding "
                                "people by force, fraud or pressure in order to exploit them. "
                                "Exploitation can include forced work, sexual exploitation and "
                                "forced begging. Crises create conditions that traffickers use. "
                                "People lose income, homes and documents. Families are separated. "
                                "Normal protection systems are overstretched.</p>"
                                "<p>Migrants stranded by a crisis may accept risky offers of "
                                "transport, work or money. Someone who offers to help them cross a "
                                "border may later demand payment through forced work.</p>"
                            ),
                        ),
                        ("heading", {"text": "Possible signs", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>No single sign proves trafficking. But several signs together "
                                "should make you look more closely:</p>"
                                "<ul>"
                                "<li>Someone else holds the person's passport or ID.</li>"
                                "<li>The person is not free to leave their work or home.</li>"
                                "<li>They owe a large debt to an employer, recruiter or "
                                "driver.</li>"
                                "<li>Another person answers for them or will not let them speak "
                                "alone.</li>"
                                "<li>They seem afraid, do not know where they are, or show signs "
                                "of abuse.</li>"
                                "<li>They were promised a job, transport or papers that sound too "
                                "good to be true.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Safety first",
                                "text": (
                                    "<p>Do not confront a suspected trafficker yourself. This can "
                                    "put the victim and you in danger. Follow your service's "
                                    "procedures and refer the case to the specialised police unit "
                                    "or anti-trafficking service.</p>"
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: An offer of a ride",
                                "situation": (
                                    "<p>At an evacuation point, you see a man offering free "
                                    "transport across the border to a group of young migrant "
                                    "women. He says he has jobs waiting for them. He becomes "
                                    "nervous when you come closer, and tells the women not to talk "
                                    "to you.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Stay calm. If you can, speak to the women away from the "
                                    "man, with a female colleague and an interpreter. Explain the "
                                    "official transport options and what their consulate can "
                                    "offer. Give them a hotline number. Report the man, the "
                                    "vehicle and what you saw to the police or the "
                                    "anti-trafficking unit. Do not make promises you cannot "
                                    "keep.</p>"
                                ),
                                "discussion": [
                                    "Which signs in this scenario worried you?",
                                    (
                                        "How could you speak to the women without putting them at "
                                        "risk?"
                                    ),
                                    "What information would be useful for the police?",
                                ],
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "If you think someone is a victim of trafficking",
                                "items": [
                                    "Make sure they are safe now",
                                    "Speak to them alone, with an interpreter if needed",
                                    "Explain that you are there to help, not to punish",
                                    "Refer them to specialised support services",
                                    "Protect their personal information",
                                    (
                                        "Do not treat them as a criminal for things they were "
                                        "forced to do"
                                    ),
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "hidden-and-trapped-migrants",
                    "title": "Migrants who are hidden or trapped",
                    "summary": (
                        "Reach migrants who cannot get to help on their own, such as live-in "
                        "workers and people in detention."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Some people cannot come to you", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>Some migrants cannot leave a dangerous place even if they want "
                                "to. They may be trapped by an employer, by a lack of money or by "
                                "the law. If you only help the people who arrive at shelters, you "
                                "will miss them.</p>"
                                "<p>Three groups often need special attention:</p>"
                                "<ul>"
                                "<li><b>Live-in domestic workers.</b> They live in their "
                                "employer's home. Some are not allowed to go out, and their "
                                "employer may leave without them.</li>"
                                "<li><b>People in immigration detention or prison.</b> They depend "
                                "completely on the authorities to move them to safety.</li>"
                                "<li><b>Workers at remote sites.</b> Farms, fishing boats, mines "
                                "and building sites may be far from help and transport.</li>"
                                "</ul>"
                            ),
                        ),
                        ("heading", {"text": "How to find them", "level": "h3"}),
                        (
                            "checklist",
                            {
                                "title": "Ways to reach hidden migrants",
                                "items": [
                                    "Use your community map to list homes and sites to check",
                                    (
                                        "Ask community contacts if they know anyone who is missing "
                                        "or stuck"
                                    ),
                                    "Ask consulates about calls for help from their nationals",
                                    "Contact employers and recruitment agencies directly",
                                    (
                                        "Check that detention centres have started their emergency "
                                        "plans"
                                    ),
                                    (
                                        "Share a hotline number that trapped people can call or "
                                        "message"
                                    ),
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Detention in an emergency",
                                "text": (
                                    "<p>People in detention must be protected in an emergency, "
                                    "just like everyone else. If a detention centre is in danger, "
                                    "the people inside must be moved to safety in time. "
                                    "Authorities can also consider alternatives to detention for "
                                    "people held only for immigration reasons.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "She called the hotline from a bathroom. Her employers had "
                                    "gone to the airport and left her locked in the flat with no "
                                    "water. The police were at the door in forty minutes."
                                ),
                                "attribution": (
                                    "A hotline operator at a migrant support NGO (illustrative)"
                                ),
                            },
                        ),
                        ("heading", {"text": "When you reach them", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>A trapped person may be frightened of you as well as of the "
                                "danger. Their employer may have told them that police will arrest "
                                "them. Say who you are, show your badge or uniform, and explain "
                                "simply that you are there to keep them safe. If the employer is "
                                "present and refuses to let the worker leave, remember that saving "
                                "life comes first. Follow your procedures and call for support if "
                                "you need it.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>When you find a trapped migrant, their safety comes first. "
                                "Afterwards, record what happened and refer the case to the right "
                                "service, for example labour inspectors or an anti-trafficking "
                                "unit. Being locked in or abandoned by an employer can be a sign "
                                "of forced labour, and the person may need legal advice and "
                                "support.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}
