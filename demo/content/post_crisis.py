"""Demo course: recovery after a crisis (content written for Crisis Ready)."""

COURSE = {
    "slug": "recovering-together-after-a-crisis",
    "title": "Recovering together after a crisis",
    "summary": (
        "Support migrants after a crisis: free choices about return, reintegration, restoring "
        "livelihoods and services, and involving migrant communities in recovery and lessons "
        "learned."
    ),
    "description": (
        "<p>When the immediate danger is over, a long period of recovery begins. For migrants, "
        "this can bring hard choices. Should they stay, go home or move somewhere else? Many have "
        "lost jobs, savings, homes and documents. Some go back to a country they have not lived in "
        "for years.</p>"
        "<p>This course looks at what happens after the crisis. You will learn how to support safe "
        "and voluntary return, help people restart their lives at home, restore livelihoods and "
        "access to services, and give migrant communities a voice in recovery. It ends with how to "
        "learn lessons so that the next response is better.</p>"
        "<p>It is for local authorities, civil society groups, employers and international "
        "organisations, in host countries and in countries of origin.</p>"
    ),
    "phase": "post_crisis",
    "audiences": ["local-authorities", "civil-society", "employers", "international-organisations"],
    "level": "introductory",
    "estimated_hours": 3,
    "language": "en",
    "awards_certificate": True,
    "outcomes": [
        "Explain the choices migrants face after a crisis and why return must be voluntary.",
        "Support a safe return and the first steps of reintegration.",
        "Help migrants restore their income and reach basic services.",
        "Involve migrant communities in recovery planning.",
        "Run a simple lessons-learned review that includes migrants' views.",
    ],
    "modules": [
        {
            "slug": "return-and-reintegration",
            "title": "Return and reintegration",
            "summary": (
                "Support migrants to make free choices about their future and to restart their "
                "lives."
            ),
            "lessons": [
                {
                    "slug": "choices-after-the-crisis",
                    "title": "Choices after the crisis",
                    "summary": (
                        "Understand the options migrants have after a crisis and why the choice "
                        "must be theirs."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Three main options", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>After a crisis, migrants usually have three main options:</p>"
                                "<ul>"
                                "<li><b>Stay</b> in the country where they were living, and "
                                "rebuild there.</li>"
                                "<li><b>Return</b> to their country of origin, for a short time or "
                                "for good.</li>"
                                "<li><b>Move on</b> to another country, for example where they "
                                "have family or work.</li>"
                                "</ul>"
                                "<p>Each option has risks and costs. The right choice depends on "
                                "the person's situation, their family, their legal status and the "
                                "conditions in each place.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Return must be voluntary",
                                "text": (
                                    "<p>People must be free to choose. A decision to return is "
                                    "only truly voluntary if the person has correct information, "
                                    "has real alternatives and is not under pressure. Nobody "
                                    "should be sent back to a place where they face persecution or "
                                    "serious harm.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "What shapes the decision", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>Many things affect what a migrant decides. Will their job "
                                "continue? Is their visa or permit still valid? Do they owe money "
                                "to a recruiter? Is it safe at home? Can their family at home "
                                "manage without the money they send? Some people cannot afford to "
                                "stay, but also cannot afford to go.</p>"
                                "<p>You can help by giving clear, honest information. Explain the "
                                "rules on residence and work permits after the crisis. Say what "
                                "support exists for those who stay and for those who return. When "
                                "you do not know, refer people to someone who does, such as their "
                                "consulate, a legal aid service or IOM.</p>"
                            ),
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: Pressure to leave",
                                "situation": (
                                    "<p>After a hurricane, a local employer tells his migrant "
                                    "workers that the factory is closed and that they must take "
                                    "the bus home tomorrow. The workers are owed three months of "
                                    "wages. One worker tells you that she wants to stay and find "
                                    "another job, but her permit is linked to this employer.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Explain that she has choices and that the decision is "
                                    "hers. Refer her to the labour authorities or a legal aid "
                                    "service to claim her unpaid wages. Ask the immigration "
                                    "authorities whether permit holders can change employer after "
                                    "the crisis. If she agrees, tell her consulate about the "
                                    "unpaid wages. Make sure nobody pushes her onto the bus before "
                                    "she understands her options.</p>"
                                ),
                                "discussion": [
                                    "What makes a decision to return truly voluntary?",
                                    "Who in your area could help workers with unpaid wages?",
                                    (
                                        "How could the authorities make it easier for workers to "
                                        "stay legally?"
                                    ),
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "supporting-safe-return",
                    "title": "Supporting a safe and dignified return",
                    "summary": (
                        "Help people who choose to go home to travel safely and with dignity."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Planning a safe journey", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>When migrants decide to go home, they need a safe and "
                                "dignified journey. Dignified means that people are treated with "
                                "respect, keep their privacy and can travel with their family and "
                                "belongings. The country of origin usually organises return, "
                                "sometimes with help from IOM, other countries or NGOs. Local "
                                "authorities and employers in the host country also have a role. "
                                "For example, employers should pay final wages and give back any "
                                "documents they hold before people leave.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Before someone travels, check that they have",
                                "items": [
                                    "Valid travel documents or an emergency travel document",
                                    (
                                        "Any exit permit they need, or confirmation that the rule "
                                        "has been waived"
                                    ),
                                    "Their wages, savings and belongings, as far as possible",
                                    (
                                        "Copies of work certificates, training records and medical "
                                        "records"
                                    ),
                                    "Medical care for any injury or illness before they travel",
                                    "Information about the support they can get when they arrive",
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Papers for the future",
                                "text": (
                                    "<p>Help people collect proof of their work experience and "
                                    "skills before they leave. A letter from an employer or a "
                                    "training certificate can make it much easier to find work at "
                                    "home, or to migrate safely again later.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Extra care for some groups", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>Some people need more support during return:</p>"
                                "<ul>"
                                "<li><b>Unaccompanied children</b> should only return after a "
                                "check that it is in their best interests, and after their family "
                                "has been found and is able to care for them.</li>"
                                "<li><b>Victims of trafficking</b> need a safe handover to "
                                "services at home, and protection from the people who exploited "
                                "them.</li>"
                                "<li><b>People with injuries, illness or disabilities</b> may need "
                                "a medical escort or special transport.</li>"
                                "<li><b>People who fear persecution</b> must not be returned. They "
                                "must be able to ask for asylum.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "We met every flight at the airport. Many people arrived with "
                                    "nothing but the clothes they wore. A hot meal, a phone call "
                                    "to their family and a bus ticket home meant a lot after what "
                                    "they had been through."
                                ),
                                "attribution": (
                                    "A reception officer in a country of origin (illustrative)"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>If you work for a country of origin, plan the reception in "
                                "advance. Arrange a place where returnees can rest, see a doctor, "
                                "call their family and register for support. Keep lists of "
                                "returnees safe, and use them only to give help.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "reintegration-at-home",
                    "title": "Reintegration: starting again at home",
                    "summary": (
                        "Help returning migrants rebuild their lives and stay connected to support."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Coming home is not the end", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p><b>Reintegration</b> means helping returning migrants settle "
                                "back into their community, earn a living and feel part of society "
                                "again. People often imagine that going home is easy. In fact, "
                                "many returnees face serious difficulties. They may have lost "
                                "their savings. Their families may have depended on the money they "
                                "sent. Some have been away for many years and no longer know how "
                                "things work at home. Some come back with injuries or trauma.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Three areas of reintegration",
                                "text": (
                                    "<p>Good support looks at three areas together: "
                                    "<b>economic</b> (income and work), <b>social</b> (housing, "
                                    "health, schooling and documents) and <b>psychosocial</b> "
                                    "(mental health, well-being and relationships).</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "What helps", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Individual plans.</b> Sit down with each person or family "
                                "and agree what they need first.</li>"
                                "<li><b>Skills recognition.</b> Help people get their skills and "
                                "qualifications from abroad recognised, so they can find suitable "
                                "work.</li>"
                                "<li><b>Small business support.</b> Training, advice and small "
                                "grants can help people start a business.</li>"
                                "<li><b>Referral to services.</b> Link people to health care, "
                                "counselling, schools for their children and social support.</li>"
                                "<li><b>Community projects.</b> Projects that benefit the whole "
                                "community, not only returnees, reduce jealousy and tension.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Watch for stigma",
                                "text": (
                                    "<p>Returnees are sometimes blamed for 'failing' abroad, or "
                                    "seen as bringing disease or trouble. Talk to community "
                                    "leaders and families. Explain that returnees were hit by a "
                                    "crisis they did not cause.</p>"
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: A returnee who cannot find work",
                                "situation": (
                                    "<p>You work for a municipal office in a country of origin. A "
                                    "man returns after ten years working as an electrician abroad. "
                                    "He has no local certificate and cannot get a job. His family "
                                    "is in debt, and he is thinking about migrating again through "
                                    "an irregular route.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Listen to his story and his plans. Help him apply to have "
                                    "his skills assessed and recognised. Connect him with "
                                    "employers or a business support programme. Give him honest "
                                    "information about the risks of irregular migration and about "
                                    "safe, legal options. Refer him to counselling if he seems "
                                    "very distressed.</p>"
                                ),
                                "discussion": [
                                    "Why might this man consider a risky route?",
                                    "Which local partners could help him?",
                                    "How could you follow up with him in three months?",
                                ],
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Follow up after return",
                                "items": [
                                    (
                                        "Contact returnees again after a few weeks and after a few "
                                        "months"
                                    ),
                                    "Check whether their needs have changed",
                                    "Record what support worked, without sharing personal details",
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "rebuild-together",
            "title": "Rebuild together",
            "summary": (
                "Restore livelihoods and services, involve migrant communities in recovery and "
                "learn lessons for next time."
            ),
            "lessons": [
                {
                    "slug": "restoring-livelihoods",
                    "title": "Restoring livelihoods",
                    "summary": (
                        "Help migrants who stay to get back to work and recover what they have "
                        "lost."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Income comes first for many", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>A <b>livelihood</b> is the way a person earns a living. After "
                                "a crisis, many migrants lose their jobs, their tools or their "
                                "small businesses. Their families at home often depend on them, so "
                                "a lost income can quickly become a crisis for two households in "
                                "two countries.</p>"
                                "<p>Migrants may also be left out of recovery programmes. Cash "
                                "grants, job schemes and business loans sometimes require "
                                "citizenship, a local bank account or documents that people have "
                                "lost.</p>"
                            ),
                        ),
                        ("heading", {"text": "Practical steps", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ol>"
                                "<li><b>Check the rules.</b> Look at the recovery programmes in "
                                "your area. Can migrants apply? If not, is there a good reason? "
                                "Raise gaps with decision makers.</li>"
                                "<li><b>Accept other proof.</b> Where documents were lost, accept "
                                "other proof of identity, address or work, such as a letter from "
                                "an employer or community leader.</li>"
                                "<li><b>Help with unpaid wages.</b> Link workers to labour "
                                "inspectors, trade unions or legal aid to claim money they are "
                                "owed.</li>"
                                "<li><b>Support permit changes.</b> Where work permits are tied to "
                                "one employer, ask whether the authorities can let workers change "
                                "employer.</li>"
                                "<li><b>Include migrants in job schemes.</b> Recovery creates work "
                                "in cleaning up and rebuilding. Migrants can be part of it.</li>"
                                "</ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Employers have a role",
                                "text": (
                                    "<p>Employers who hire migrants should pay the wages they owe, "
                                    "give back personal documents, help workers with their permits "
                                    "and write references. Responsible employers also help workers "
                                    "stay in contact with their families and consulates.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "After the earthquake our hotel was closed for six months. We "
                                    "kept paying our foreign staff part of their salary and helped "
                                    "them find temporary work in the rebuilding. When we reopened, "
                                    "most of them came back."
                                ),
                                "attribution": "A hotel manager (illustrative)",
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Questions for your recovery programme",
                                "items": [
                                    "Can migrants apply, whatever their nationality?",
                                    "Which documents are required, and are there alternatives?",
                                    (
                                        "Is information about the programme available in migrant "
                                        "languages?"
                                    ),
                                    "Do migrant workers know where to claim unpaid wages?",
                                    "Are employers encouraged to keep or rehire migrant staff?",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Think also about how money reaches people. If cash help can "
                                "only be paid into a local bank account, many migrants cannot "
                                "receive it. Ask whether other ways are possible, such as cash "
                                "cards, mobile money or collection points. Make sure people can "
                                "also send money home safely, because their families may be in "
                                "urgent need too.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "access-to-services",
                    "title": "Access to health care, housing and schools",
                    "summary": (
                        "Make sure migrants can use the basic services they need to recover."
                    ),
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Services after the crisis", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>In the weeks and months after a crisis, people need health "
                                "care, safe housing, schools for their children and support for "
                                "their mental health. During the emergency, many services are open "
                                "to everyone. Afterwards, the normal rules come back, and migrants "
                                "can be shut out again.</p>"
                            ),
                        ),
                        ("heading", {"text": "Common barriers and what you can do", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Cost.</b> Migrants may not be covered by public health "
                                "insurance. Consider keeping essential care free during "
                                "recovery.</li>"
                                "<li><b>Documents.</b> Schools and clinics may ask for papers that "
                                "people lost. Accept other proof, or register people while their "
                                "documents are replaced.</li>"
                                "<li><b>Housing.</b> Many migrants rent without a written "
                                "contract. They may be evicted, or left out of housing aid meant "
                                "for owners.</li>"
                                "<li><b>Language.</b> Provide interpreters and translated "
                                "information in health centres and housing offices.</li>"
                                "<li><b>Fear.</b> If people think that services share their data "
                                "with immigration enforcement, they will stay away.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Mental health matters",
                                "text": (
                                    "<p>Many people feel shocked, anxious or very sad after a "
                                    "crisis. This is normal. Migrants may also feel lonely, far "
                                    "from family and worried about their future. Simple support "
                                    "helps many people: listening, practical help and connecting "
                                    "them with others. Some people will need specialised care. "
                                    "Training in psychological first aid can help your staff "
                                    "respond well.</p>"
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: A school place",
                                "situation": (
                                    "<p>After floods, a migrant family moves to temporary housing "
                                    "in a new district. The local school says the children cannot "
                                    "be enrolled without birth certificates and proof of address. "
                                    "The family's documents were lost in the flood.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Contact the school and the education office. Explain the "
                                    "situation and ask them to enrol the children now, based on a "
                                    "simple statement from the parents and a letter from the "
                                    "housing office. Help the family ask for copies of the birth "
                                    "certificates through their consulate. Check whether other "
                                    "displaced families face the same problem, and raise it with "
                                    "the local authority.</p>"
                                ),
                                "discussion": [
                                    (
                                        "Why is it important for children to go back to school "
                                        "quickly after a crisis?"
                                    ),
                                    "Who has the power to change the enrolment rule in your area?",
                                    (
                                        "How can you find out whether other families have the same "
                                        "problem?"
                                    ),
                                ],
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "The clinic put up a sign in six languages saying that "
                                    "everyone could be seen, with or without papers. The next week "
                                    "the waiting room was full of people we had never seen before."
                                ),
                                "attribution": "A community health worker (illustrative)",
                            },
                        ),
                    ],
                },
                {
                    "slug": "involving-migrant-communities-in-recovery",
                    "title": "Involving migrant communities in recovery",
                    "summary": "Give migrants a voice and a role in planning and rebuilding.",
                    "minutes": 20,
                    "body": [
                        ("heading", {"text": "Migrants are part of recovery", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>Migrants are not only people who need help. They are also "
                                "workers, business owners, volunteers, neighbours and taxpayers. "
                                "They often help each other and their neighbours during and after "
                                "a crisis. <b>Diaspora groups</b>, meaning people from the same "
                                "country of origin living abroad, may send money, supplies and "
                                "skills. Recovery is faster and fairer when these contributions "
                                "are recognised and used.</p>"
                            ),
                        ),
                        ("heading", {"text": "Ways to involve migrant communities", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>A seat at the table.</b> Invite migrant representatives to "
                                "recovery meetings and committees.</li>"
                                "<li><b>Consultation.</b> Hold meetings in community spaces, with "
                                "interpreters, at times that suit workers.</li>"
                                "<li><b>Feedback channels.</b> Give people a simple way to report "
                                "problems, such as a hotline, a suggestion box or a messaging "
                                "number.</li>"
                                "<li><b>Volunteer roles.</b> Offer roles in cleaning, rebuilding, "
                                "interpreting and outreach, with proper training and safety "
                                "equipment.</li>"
                                "<li><b>Diaspora partnerships.</b> Work with diaspora groups so "
                                "that their support goes to real needs.</li>"
                                "</ul>"
                                "<p>Small practical details decide who can take part. Many migrant "
                                "workers cannot lose a day's pay to attend a meeting. Where you "
                                "can, cover travel costs, offer childcare and hold meetings in the "
                                "evening or at weekends. Send the papers in advance, in plain "
                                "language or translated.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Avoid token participation",
                                "text": (
                                    "<p>Inviting one migrant to a meeting and then ignoring what "
                                    "they say is not participation. Explain how decisions are "
                                    "made, listen seriously, and tell people what changed because "
                                    "of their input. If you cannot act on a suggestion, explain "
                                    "why.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "They asked us what we needed, and we said: a place to meet. "
                                    "The council gave us a room in the library. Now it is where we "
                                    "run language classes, and where the fire service comes to "
                                    "talk to us."
                                ),
                                "attribution": "A migrant association leader (illustrative)",
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Signs that participation is working",
                                "items": [
                                    "Migrant representatives attend meetings regularly",
                                    (
                                        "Women and young people from migrant communities are also "
                                        "heard"
                                    ),
                                    "Recovery information is available in migrant languages",
                                    "Problems reported by migrants are followed up",
                                    "People can point to at least one change they influenced",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Involving migrants in recovery also builds the trust and "
                                "contacts you will need in the next emergency. In this way, "
                                "recovery leads back to preparedness. The people who helped "
                                "rebuild their neighbourhood are the same people who will pass on "
                                "the next warning.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "learning-the-lessons",
                    "title": "Learning the lessons",
                    "summary": (
                        "Review what worked and what did not, and use the lessons to prepare for "
                        "the next crisis."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Why learning matters", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>Every crisis teaches lessons. If you do not write them down "
                                "and act on them, the same mistakes happen again. A "
                                "<b>lessons-learned review</b>, sometimes called an after-action "
                                "review, is a structured conversation about what happened, what "
                                "went well and what needs to change. Hold it soon after the "
                                "response, while memories are fresh, and include the people who "
                                "were affected.</p>"
                            ),
                        ),
                        ("heading", {"text": "Four simple questions", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ol>"
                                "<li>What did we plan to happen?</li>"
                                "<li>What actually happened?</li>"
                                "<li>Why was there a difference?</li>"
                                "<li>What will we do differently next time, and who is "
                                "responsible?</li>"
                                "</ol>"
                                "<p>Ask these questions about migrants in particular. Did warnings "
                                "reach them? Did they come to shelters? Were any groups missed? "
                                "How well did you work with consulates?</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Make it safe to speak",
                                "text": (
                                    "<p>People share real lessons only when they do not fear "
                                    "blame. Focus on the system, not on individuals. Make sure "
                                    "migrant participants know that what they say will not affect "
                                    "their status or their access to services.</p>"
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scenario: The review meeting",
                                "situation": (
                                    "<p>Two months after a storm, your municipality organises a "
                                    "review. The invitation list includes the police, the fire "
                                    "service, health services and the council, but no migrant "
                                    "representatives or consulates. A colleague says it is 'just "
                                    "an internal meeting'.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Suggest an extra session with migrant community contacts, "
                                    "NGOs and consulates, with interpreters. Use the four "
                                    "questions to collect their experience. Bring their main "
                                    "points into the main review. Make sure the final action plan "
                                    "includes changes that affect migrants, with names and "
                                    "deadlines.</p>"
                                ),
                                "discussion": [
                                    (
                                        "What could the municipality miss if migrants are not "
                                        "included?"
                                    ),
                                    "How would you present difficult feedback to senior managers?",
                                    "How can you check that the actions are really carried out?",
                                ],
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "After the review",
                                "items": [
                                    (
                                        "Write a short report with clear actions, owners and "
                                        "deadlines"
                                    ),
                                    "Update your community map and contact network",
                                    "Update your contingency plan and warning messages",
                                    (
                                        "Share the results with everyone who took part, including "
                                        "migrant communities"
                                    ),
                                    "Plan an exercise to test the changes",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Lessons are most useful when they travel. Share what you "
                                "learned with neighbouring municipalities, national authorities "
                                "and the consulates you worked with. A short, honest note about "
                                "what went wrong can save another team from making the same "
                                "mistake. Then come back to the first lesson of the preparedness "
                                "course, and start the cycle again.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}
