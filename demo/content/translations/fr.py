"""Demo course "Reaching migrants before a crisis" in French (written for Crisis Ready)."""

COURSE = {
    "slug": "reaching-migrants-before-a-crisis",
    "title": "Atteindre les migrants avant une crise",
    "summary": (
        "Apprenez à savoir quels migrants vivent dans votre zone, à gagner leur confiance, à les "
        "alerter dans des langues qu'ils comprennent et à les inclure dans vos plans d'urgence."
    ),
    "description": (
        "<p>Quand une inondation, un séisme ou un conflit frappe, les migrants sont souvent parmi "
        "les personnes les plus en danger. Ils ne parlent pas toujours la langue locale, ne "
        "connaissent pas forcément les services de secours du pays, ou ont peur de demander de "
        "l'aide. Une grande partie de ce risque peut être réduite bien avant qu'un problème "
        "survienne.</p>"
        "<p>Ce cours vous montre des mesures concrètes que vous pouvez prendre dès maintenant. "
        "Vous apprendrez à connaître les communautés migrantes de votre zone, à créer des contacts "
        "sur lesquels vous pouvez compter, à préparer des alertes que les gens comprennent et à "
        "vérifier que vos plans de contingence incluent tout le monde.</p>"
        "<p>Il s'adresse aux policiers, aux pompiers, aux agents municipaux, au personnel "
        "consulaire et aux travailleurs communautaires. Aucune formation préalable n'est "
        "nécessaire.</p>"
    ),
    "phase": "preparedness",
    "audiences": ["first-responders", "local-authorities", "civil-society", "consular-staff"],
    "level": "introductory",
    "estimated_hours": 2,
    "language": "en",
    "awards_certificate": True,
    "outcomes": [
        "Expliquer pourquoi les alertes et l'aide d'urgence n'atteignent souvent pas les migrants.",
        "Cartographier les communautés migrantes de votre zone de façon sûre et respectueuse.",
        "Créer un réseau de contacts de confiance au sein des communautés migrantes.",
        "Préparer des alertes précoces que les gens comprennent, dans leurs propres langues.",
        "Repérer dans un plan de contingence les lacunes qui laissent les migrants de côté.",
        "Organiser un exercice commun avec des membres des communautés migrantes.",
    ],
    "modules": [
        {
            "slug": "know-who-lives-here",
            "title": "Savoir qui vit ici",
            "summary": (
                "Découvrez qui sont les migrants de votre zone, pourquoi ils sont souvent oubliés "
                "et comment gagner leur confiance."
            ),
            "lessons": [
                {
                    "slug": "why-migrants-are-missed",
                    "title": "Pourquoi les migrants sont oubliés dans les situations d'urgence",
                    "summary": (
                        "Comprenez les obstacles courants qui empêchent les migrants de recevoir "
                        "les alertes et l'aide."
                    ),
                    "minutes": 15,
                    "body": [
                        (
                            "heading",
                            {
                                "text": "Les migrants font face à des obstacles en plus",
                                "level": "h2",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>En situation d'urgence, tout le monde est en danger. Mais "
                                "certaines personnes font face à des obstacles en plus : il leur "
                                "est plus difficile de se mettre en sécurité. Les migrants font "
                                "souvent partie de ces groupes. Un migrant est toute personne qui "
                                "a quitté son lieu de vie habituel, à l'intérieur de son pays ou "
                                "en passant une frontière. Dans ce cours, nous parlons surtout de "
                                "personnes venues d'autres pays : travailleurs, étudiants, membres "
                                "de famille, réfugiés, touristes et personnes sans statut "
                                "légal.</p>"
                                "<p>Les migrants ne sont pas plus faibles que les autres. Beaucoup "
                                "ont survécu à des voyages difficiles et savent très bien se "
                                "débrouiller. Le problème, c'est que les systèmes d'urgence "
                                "partent souvent du principe que tout le monde parle la langue "
                                "locale, connaît les règles locales et a de la famille ou des amis "
                                "à proximité. Quand ce n'est pas le cas, des personnes passent "
                                "entre les mailles du filet.</p>"
                            ),
                        ),
                        ("heading", {"text": "Les obstacles courants", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>La langue.</b> Les alertes, les panneaux et les consignes "
                                "sont parfois seulement dans la langue nationale.</li>"
                                "<li><b>L'information.</b> Les gens ne connaissent pas toujours le "
                                "numéro d'urgence, l'emplacement des abris ou le sens des "
                                "sirènes.</li>"
                                "<li><b>La peur.</b> Les personnes sans papiers peuvent éviter la "
                                "police, les militaires ou les agents publics, par peur d'être "
                                "arrêtées ou expulsées.</li>"
                                "<li><b>Les documents.</b> Certains employeurs gardent le "
                                "passeport de leurs employés. Sans papiers, des personnes peuvent "
                                "être refusées dans les abris ou aux postes de contrôle.</li>"
                                "<li><b>L'isolement.</b> Les employés de maison, les ouvriers "
                                "agricoles et les personnes qui vivent dans des camps de travail "
                                "isolés peuvent être coupés des informations et de leurs "
                                "voisins.</li>"
                                "<li><b>L'argent et le transport.</b> Beaucoup de migrants n'ont "
                                "pas les moyens de partir, ou dépendent de leur employeur pour se "
                                "déplacer.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Pas invisibles, mais absents des plans",
                                "text": (
                                    "<p>Si les migrants sont souvent oubliés, ce n'est pas parce "
                                    "qu'ils se cachent, mais parce que personne n'a pensé à eux "
                                    "dans les plans. Une bonne préparation les rend visibles pour "
                                    "les services qui doivent les atteindre.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Pendant les inondations, nous avions des sirènes, des alertes "
                                    "par SMS et des messages à la radio. Plus tard, nous avons "
                                    "appris que toute une rue de travailleurs saisonniers avait "
                                    "entendu les sirènes sans savoir ce qu'elles voulaient dire. "
                                    "Personne ne le leur avait jamais expliqué."
                                ),
                                "attribution": (
                                    "Un coordinateur municipal des secours (témoignage fictif)"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Questions à vous poser sur votre zone",
                                "items": [
                                    (
                                        "Quelles langues parle-t-on ici, en plus de la langue "
                                        "nationale ?"
                                    ),
                                    (
                                        "Nos alertes atteignent-elles les personnes qui ne suivent "
                                        "pas la télévision, la radio ou les sites d'information "
                                        "locaux ?"
                                    ),
                                    (
                                        "Une personne sans papiers pourrait-elle nous demander de "
                                        "l'aide sans avoir peur ?"
                                    ),
                                    (
                                        "Savons-nous où les travailleurs migrants vivent et "
                                        "travaillent, y compris sur les sites isolés ?"
                                    ),
                                    (
                                        "Qui, dans notre équipe, est en contact avec des "
                                        "responsables des communautés migrantes ?"
                                    ),
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Notez vos réponses. Vous vous en servirez dans les prochaines "
                                "leçons pour avoir une vue d'ensemble simple : qui vit dans votre "
                                "zone, et comment joindre ces personnes.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "mapping-migrant-communities",
                    "title": "Cartographier les communautés migrantes sans danger",
                    "summary": (
                        "Faites-vous une idée simple des lieux où les migrants vivent et "
                        "travaillent, sans mettre personne en danger."
                    ),
                    "minutes": 20,
                    "body": [
                        (
                            "heading",
                            {"text": "À quoi sert une carte des communautés", "level": "h2"},
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une carte des communautés donne une vue d'ensemble simple : "
                                "qui vit dans votre zone, et comment joindre ces personnes. Ce "
                                "peut être une vraie carte, mais aussi un tableau ou quelques "
                                "notes. Elle doit répondre à trois questions avant le début d'une "
                                "crise :</p>"
                                "<ol>"
                                "<li>Quels groupes de migrants vivent ou travaillent ici, et "
                                "combien de personnes environ ?</li>"
                                "<li>Où se trouvent-ils, et quelles langues utilisent-ils ?</li>"
                                "<li>Qui pouvons-nous contacter pour les joindre rapidement ?</li>"
                                "</ol>"
                            ),
                        ),
                        ("heading", {"text": "Où trouver les informations", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>Vous avez rarement besoin de recueillir de nouvelles données "
                                "auprès des personnes elles-mêmes. Commencez par les informations "
                                "qui existent déjà :</p>"
                                "<ul>"
                                "<li>Les sources des autorités locales, par exemple les langues "
                                "utilisées dans les écoles et les centres de santé. Utilisez "
                                "seulement des totaux, jamais des noms.</li>"
                                "<li>Les employeurs et les organisations professionnelles de "
                                "l'agriculture, du bâtiment, de la pêche, de l'hôtellerie et de "
                                "l'aide à la personne.</li>"
                                "<li>Les ambassades et les consulats, qui savent souvent à peu "
                                "près combien de leurs ressortissants vivent dans la zone.</li>"
                                "<li>Les groupes religieux, les associations communautaires, les "
                                "commerces tenus par des migrants et les bureaux de transfert "
                                "d'argent.</li>"
                                "<li>Les ONG, les syndicats et les organisations internationales "
                                "qui travaillent avec les migrants.</li>"
                                "</ul>"
                                "<p>Faites aussi le tour de la zone à pied. Cherchez des panneaux "
                                "dans d'autres langues, des lieux de culte et des magasins qui "
                                "vendent des produits d'autres pays. Ce sont des indices sur les "
                                "personnes qui vivent à proximité.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "Vos données ne doivent nuire à personne",
                                "text": (
                                    "<p>Une liste de noms et d'adresses de migrants peut être "
                                    "dangereuse. Entre de mauvaises mains, elle pourrait servir à "
                                    "arrêter, exploiter ou attaquer des personnes. Cartographiez "
                                    "des <b>groupes et des lieux</b>, pas des individus. Notez les "
                                    "chiffres sous forme d'estimations. Conservez la carte en lieu "
                                    "sûr et ne la partagez qu'avec les personnes qui en ont besoin "
                                    "pour leur travail d'urgence. Ne l'utilisez jamais pour des "
                                    "contrôles d'immigration.</p>"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Votre carte des communautés doit indiquer",
                                "items": [
                                    (
                                        "Les principales nationalités et langues, avec des "
                                        "chiffres approximatifs"
                                    ),
                                    (
                                        "Les quartiers, les sites de travail et les logements où "
                                        "vivent ou travaillent beaucoup de migrants"
                                    ),
                                    (
                                        "Les groupes cachés, comme les employés de maison logés "
                                        "chez leur employeur ou les ouvriers agricoles saisonniers"
                                    ),
                                    (
                                        "Des contacts de confiance pour chaque groupe, avec un "
                                        "contact de remplacement"
                                    ),
                                    (
                                        "Les meilleurs canaux pour joindre chaque groupe, comme un "
                                        "groupe de messagerie ou une station de radio"
                                    ),
                                    "La date de la dernière mise à jour",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": (
                                    "Scénario : les ouvriers agricoles que personne n'avait comptés"
                                ),
                                "situation": (
                                    "<p>Vous travaillez pour la mairie d'une petite ville. Pendant "
                                    "la cartographie, vous parlez avec une commerçante du "
                                    "quartier. Elle vous dit qu'une cinquantaine de travailleurs "
                                    "arrivent chaque printemps pour cueillir des fruits. Ils "
                                    "vivent dans des caravanes, dans une ferme à l'extérieur de la "
                                    "ville. Aucun d'eux n'apparaît dans les registres de la "
                                    "mairie. La ferme se trouve dans une zone exposée aux feux de "
                                    "forêt.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Ajoutez le groupe à votre carte sous forme d'estimation, "
                                    "avec l'emplacement de la ferme et les mois où les "
                                    "travailleurs sont présents. Contactez le propriétaire de la "
                                    "ferme et expliquez-lui que vous préparez les situations "
                                    "d'urgence, et que vous ne venez pas contrôler les papiers. "
                                    "Demandez quelles langues parlent les travailleurs et qui, "
                                    "parmi eux, pourrait servir de contact. Vérifiez que le plan "
                                    "d'évacuation en cas de feu de forêt couvre la ferme et que "
                                    "les travailleurs ont un moyen de transport.</p>"
                                ),
                                "discussion": [
                                    (
                                        "Comment présenteriez-vous votre visite pour que le "
                                        "propriétaire de la ferme et les travailleurs ne se "
                                        "sentent pas menacés ?"
                                    ),
                                    (
                                        "Qui d'autre, dans votre zone, pourrait connaître des "
                                        "travailleurs saisonniers ou cachés ?"
                                    ),
                                    (
                                        "À quelle fréquence faut-il mettre à jour une carte comme "
                                        "celle-ci ?"
                                    ),
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Mettez votre carte à jour au moins une fois par an, et avant "
                                "chaque saison à haut risque, comme celle des inondations ou des "
                                "feux de forêt. Les communautés changent vite.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "building-trust-and-contact-networks",
                    "title": "Créer la confiance et des réseaux de contacts",
                    "summary": (
                        "Créez un réseau de personnes de confiance qui peuvent transmettre les "
                        "alertes et vous dire ce dont leur communauté a besoin."
                    ),
                    "minutes": 20,
                    "body": [
                        (
                            "heading",
                            {"text": "La confiance se construit avant la crise", "level": "h2"},
                        ),
                        (
                            "paragraph",
                            (
                                "<p>En situation d'urgence, les gens agissent selon les "
                                "informations de sources en qui ils ont confiance. Pour beaucoup "
                                "de migrants, ce n'est pas un site web officiel. C'est un ami, un "
                                "responsable communautaire, un responsable religieux ou une "
                                "discussion de groupe sur le téléphone. Si vous voulez que vos "
                                "messages les atteignent, vous devez être en lien avec ces "
                                "personnes de confiance <b>avant</b> le début de la crise.</p>"
                                "<p>La confiance prend du temps. Vous ne pouvez pas la construire "
                                "au milieu d'une inondation. Commencez dès maintenant, par des "
                                "contacts simples et réguliers.</p>"
                            ),
                        ),
                        ("heading", {"text": "Qui inclure dans votre réseau", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Les responsables et les associations communautaires</b> de "
                                "chaque grand groupe national ou linguistique.</li>"
                                "<li><b>Les responsables religieux</b> des mosquées, des églises, "
                                "des temples et des autres lieux de culte.</li>"
                                "<li><b>Les commerces tenus par des migrants</b>, comme les "
                                "magasins, les restaurants et les bureaux de transfert "
                                "d'argent.</li>"
                                "<li><b>Le personnel consulaire</b> des pays dont des "
                                "ressortissants vivent dans votre zone.</li>"
                                "<li><b>Les employeurs et les recruteurs</b> qui embauchent des "
                                "travailleurs migrants.</li>"
                                "<li><b>Les ONG, les syndicats et les bénévoles</b> qui "
                                "travaillent déjà avec les migrants.</li>"
                                "</ul>"
                                "<p>Essayez d'inclure des femmes, des jeunes et des personnes "
                                "issues de petits groupes, pas seulement les responsables les plus "
                                "connus. Une seule personne ne peut pas parler au nom de tous.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Soyez clair sur votre rôle",
                                "text": (
                                    "<p>Expliquez qui vous êtes et ce que vous voulez. Dites "
                                    "clairement que vous préparez les situations d'urgence et que "
                                    "vous n'utiliserez pas vos contacts pour des contrôles "
                                    "d'immigration. Ne faites que des promesses que vous pouvez "
                                    "tenir. Si vous ne savez pas ce que votre service peut "
                                    "promettre, demandez d'abord à votre responsable.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Faites vivre le réseau", "level": "h3"}),
                        (
                            "checklist",
                            {
                                "title": "Des moyens simples de garder le contact",
                                "items": [
                                    (
                                        "Rencontrez vos contacts dans les communautés au moins "
                                        "deux fois par an, dans des lieux où ils se sentent à "
                                        "l'aise"
                                    ),
                                    (
                                        "Partagez des informations utiles sur la sécurité, pas "
                                        "seulement des demandes"
                                    ),
                                    (
                                        "Invitez vos contacts aux réunions locales de préparation "
                                        "aux urgences"
                                    ),
                                    (
                                        "Tenez une liste de contacts avec au moins deux personnes "
                                        "par groupe"
                                    ),
                                    (
                                        "Vérifiez les numéros de téléphone et les groupes de "
                                        "messagerie tous les quelques mois"
                                    ),
                                    (
                                        "Remerciez les gens pour leur aide et dites-leur ce "
                                        "qu'elle a permis de changer"
                                    ),
                                ],
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "La première fois que les pompiers sont venus dans notre "
                                    "centre communautaire, les gens étaient inquiets. À la "
                                    "troisième visite, ils posaient des questions sur les "
                                    "détecteurs de fumée. Quand la tempête est arrivée, notre "
                                    "groupe de discussion a transmis leurs alertes en quatre "
                                    "langues en moins d'une heure."
                                ),
                                "attribution": (
                                    "Une bénévole d'une communauté migrante (témoignage fictif)"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>N'oubliez pas que vos contacts sont des bénévoles, pas des "
                                "employés. Ne leur en demandez pas trop. Mettez-vous d'accord à "
                                "l'avance sur ce qu'ils peuvent faire en cas d'urgence. Par "
                                "exemple, ils peuvent transmettre des alertes, aider à interpréter "
                                "ou vous dire où des personnes ont besoin d'aide. Mettez-vous "
                                "aussi d'accord sur ce qu'ils doivent faire s'ils n'arrivent pas à "
                                "vous joindre.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "warn-and-plan-together",
            "title": "Alerter et planifier ensemble",
            "summary": (
                "Atteignez les migrants avec des alertes qu'ils comprennent, et incluez-les dans "
                "vos plans de contingence et vos exercices."
            ),
            "lessons": [
                {
                    "slug": "multilingual-early-warnings",
                    "title": "Des alertes précoces en plusieurs langues",
                    "summary": (
                        "Préparez des messages d'alerte que les migrants peuvent comprendre et "
                        "suivre."
                    ),
                    "minutes": 20,
                    "body": [
                        (
                            "heading",
                            {
                                "text": "Une alerte ne marche que si les gens la comprennent",
                                "level": "h2",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une alerte précoce dit aux gens qu'un danger arrive et ce "
                                "qu'ils doivent faire. Elle ne marche que si les gens la "
                                "reçoivent, la comprennent et lui font confiance. Les migrants "
                                "peuvent manquer chacune de ces trois étapes. Ils ne sont pas "
                                "toujours inscrits sur les listes d'alerte locales. Ils ne "
                                "comprennent pas toujours la langue. Ils ne font pas toujours "
                                "confiance à un message qui vient des autorités.</p>"
                                "<p>La bonne nouvelle, c'est que vous pouvez faire l'essentiel de "
                                "ce travail à l'avance, quand vous avez le temps.</p>"
                            ),
                        ),
                        (
                            "heading",
                            {
                                "text": "Préparez les messages avant d'en avoir besoin",
                                "level": "h3",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<ol>"
                                "<li><b>Choisissez les principaux dangers</b> de votre zone, comme "
                                "les inondations, les tempêtes, les incendies ou les vagues de "
                                "chaleur.</li>"
                                "<li><b>Rédigez des modèles de messages courts</b> pour chaque "
                                "danger. Dites ce qui se passe, où, et ce que les gens doivent "
                                "faire tout de suite.</li>"
                                "<li><b>Faites-les traduire</b> dans les principales langues de "
                                "votre carte des communautés. Faites appel à des traducteurs "
                                "professionnels quand c'est possible.</li>"
                                "<li><b>Testez-les</b> avec vos contacts dans les communautés. "
                                "Demandez-leur de vous réexpliquer le message avec leurs propres "
                                "mots.</li>"
                                "<li><b>Rangez-les</b> à un endroit où les personnes qui envoient "
                                "les alertes peuvent les trouver rapidement.</li>"
                                "</ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "key_point",
                                "title": "Faites court et clair",
                                "text": (
                                    "<p>Utilisez des phrases courtes et des mots simples. Donnez "
                                    "une seule action claire, par exemple « Allez tout de suite à "
                                    "l'école de la rue Principale. » Ajoutez le numéro d'urgence. "
                                    "Dites clairement que l'aide est pour tout le monde, quels que "
                                    "soient la nationalité ou les papiers.</p>"
                                ),
                            },
                        ),
                        ("heading", {"text": "Utilisez plusieurs canaux", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<p>Aucun canal ne touche tout le monde à lui seul. Combinez-en "
                                "plusieurs :</p>"
                                "<ul>"
                                "<li>Les alertes sur téléphone portable. Vérifiez si votre système "
                                "atteint aussi les numéros étrangers.</li>"
                                "<li>Les groupes de messagerie gérés par vos contacts dans les "
                                "communautés.</li>"
                                "<li>Les radios et les pages de réseaux sociaux dans les langues "
                                "des migrants.</li>"
                                "<li>Les sirènes et les haut-parleurs, si les gens ont appris ce "
                                "qu'ils signifient.</li>"
                                "<li>Le porte-à-porte, surtout pour les travailleurs isolés.</li>"
                                "<li>Des affiches avec des images et des symboles pour les "
                                "personnes qui lisent difficilement.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scénario : une alerte canicule",
                                "situation": (
                                    "<p>Une canicule dangereuse est prévue la semaine prochaine. "
                                    "Votre commune a un message d'alerte chaleur uniquement dans "
                                    "la langue nationale. Beaucoup d'ouvriers du bâtiment de votre "
                                    "zone viennent de deux autres pays. Ils travaillent dehors "
                                    "toute la journée, et ce sont leurs employeurs qui fixent "
                                    "leurs horaires.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Utilisez les traductions du message canicule que vous avez "
                                    "préparées, ou faites traduire le message rapidement. Diffusez "
                                    "les traductions par vos contacts dans les communautés et par "
                                    "les groupes de messagerie des travailleurs eux-mêmes. "
                                    "Contactez directement les employeurs et rappelez-leur leur "
                                    "devoir de protéger les travailleurs, par exemple avec de "
                                    "l'eau, de l'ombre et des pauses. Demandez aux consulats des "
                                    "deux pays de transmettre l'alerte à leurs ressortissants.</p>"
                                ),
                                "discussion": [
                                    (
                                        "Pourquoi est-il important de contacter les employeurs, et "
                                        "pas seulement les travailleurs ?"
                                    ),
                                    "Comment vérifieriez-vous que l'alerte a été comprise ?",
                                    (
                                        "Que feriez-vous si vous trouviez une erreur dans une "
                                        "traduction ?"
                                    ),
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": "including-migrants-in-contingency-plans",
                    "title": "Inclure les migrants dans les plans de contingence",
                    "summary": (
                        "Cherchez dans vos plans d'urgence les lacunes qui laissent les migrants "
                        "de côté, et comblez-les avant une crise."
                    ),
                    "minutes": 20,
                    "body": [
                        (
                            "heading",
                            {"text": "Qu'est-ce qu'un plan de contingence ?", "level": "h2"},
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Un plan de contingence (ou plan d'urgence) dit qui fait quoi "
                                "si une situation d'urgence précise se produit. Il couvre par "
                                "exemple les alertes, l'évacuation, les abris, les soins et la "
                                "communication. La plupart des communes, des services de secours "
                                "et des consulats en ont un. La question est de savoir si le plan "
                                "fonctionne pour tous ceux qui vivent dans la zone, ou seulement "
                                "pour les citoyens du pays.</p>"
                                "<p>Les bonnes pratiques internationales, comme les lignes "
                                "directrices de l'Initiative Migrants dans les pays en crise "
                                "(MICIC), demandent aux pays d'inclure les migrants dans la "
                                "planification des urgences. Cela veut dire penser à leurs besoins "
                                "particuliers et, quand c'est possible, les faire participer à la "
                                "rédaction du plan.</p>"
                            ),
                        ),
                        ("heading", {"text": "Cherchez les lacunes", "level": "h3"}),
                        (
                            "checklist",
                            {
                                "title": "Vérifiez votre plan. Est-ce qu'il…",
                                "items": [
                                    (
                                        "Dit clairement que l'aide est pour tout le monde, quels "
                                        "que soient la nationalité ou le statut ?"
                                    ),
                                    (
                                        "Prévoit des alertes dans les principales langues de votre "
                                        "carte des communautés ?"
                                    ),
                                    (
                                        "Nomme des interprètes ou des agents bilingues qui peuvent "
                                        "aider dans les abris et sur les lignes d'assistance ?"
                                    ),
                                    (
                                        "Accepte les personnes dans les abris et aux postes de "
                                        "contrôle, même sans papiers ?"
                                    ),
                                    (
                                        "Couvre les groupes isolés, comme les employés de maison "
                                        "logés chez leur employeur et les travailleurs "
                                        "saisonniers ?"
                                    ),
                                    (
                                        "Donne les contacts des consulats et explique comment "
                                        "travailler avec eux ?"
                                    ),
                                    (
                                        "Explique comment les données personnelles sur les "
                                        "migrants seront protégées ?"
                                    ),
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": "La peur des contrôles coûte des vies",
                                "text": (
                                    "<p>Si les migrants pensent que demander de l'aide les mènera "
                                    "à une arrestation, beaucoup éviteront les abris et les points "
                                    "d'évacuation. Avec vos responsables et vos partenaires, "
                                    "mettez-vous d'accord sur une règle claire : pendant une "
                                    "urgence, les services s'occupent de la sécurité des gens, pas "
                                    "des contrôles d'immigration. Ensuite, faites en sorte que les "
                                    "migrants soient informés de cette règle.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "text": "Faites participer les migrants à la planification",
                                "level": "h3",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ce sont les personnes concernées qui connaissent le mieux "
                                "leurs besoins. Invitez vos contacts dans les communautés "
                                "migrantes aux réunions de planification. Posez-leur des questions "
                                "simples. Comment seriez-vous prévenu d'un danger ? Où "
                                "iriez-vous ? Qu'est-ce qui vous empêcherait d'y aller ? Leurs "
                                "réponses montrent souvent des lacunes que les responsables "
                                "n'avaient pas vues.</p>"
                                "<p>Pensez aussi au rôle des <b>consulats</b>. Lors d'une crise de "
                                "grande ampleur, des gouvernements étrangers peuvent vouloir aider "
                                "ou évacuer leurs ressortissants. Votre plan doit dire qui parle "
                                "aux consulats, comment vous partagez les informations avec eux et "
                                "comment vous travaillez ensemble sur le transport et les "
                                "documents.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Sur le papier, nous avions un très beau plan. Puis un groupe "
                                    "de femmes migrantes l'a lu et a demandé : « Où allons-nous si "
                                    "notre employeur ferme la porte à clé ? » Personne n'avait "
                                    "pensé à cette question."
                                ),
                                "attribution": (
                                    "Une responsable de la planification d'urgence (témoignage "
                                    "fictif)"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Enfin, indiquez dans votre plan qui est responsable des "
                                "questions liées aux migrants. Si c'est le travail de tout le "
                                "monde, cela peut vite devenir le travail de personne.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "slug": "practising-together",
                    "title": "S'entraîner ensemble : exercices et simulations",
                    "summary": (
                        "Testez vos plans avec les communautés migrantes grâce à des exercices et "
                        "des simulations."
                    ),
                    "minutes": 15,
                    "body": [
                        ("heading", {"text": "Pourquoi s'entraîner", "level": "h2"}),
                        (
                            "paragraph",
                            (
                                "<p>Un plan qui n'a jamais été testé n'est qu'une supposition. Les "
                                "exercices et les simulations vous montrent ce qui marche et ce "
                                "qui ne marche pas, tant que les erreurs ne coûtent pas encore "
                                "cher. Ils créent aussi de la confiance. Quand des migrants "
                                "participent à un exercice, ils apprennent les itinéraires et les "
                                "signaux. Ils rencontrent aussi les intervenants qui les aideront "
                                "lors d'une vraie urgence.</p>"
                            ),
                        ),
                        ("heading", {"text": "Les types d'exercices", "level": "h3"}),
                        (
                            "paragraph",
                            (
                                "<ul>"
                                "<li><b>Exercice sur table.</b> Les participants s'assoient autour "
                                "d'une table et déroulent une urgence imaginaire, étape par étape, "
                                "en discutant. C'est peu coûteux et utile pour trouver les lacunes "
                                "du plan.</li>"
                                "<li><b>Test de communication.</b> Vous envoyez une alerte de test "
                                "par tous vos canaux et vous vérifiez qui l'a reçue et "
                                "comprise.</li>"
                                "<li><b>Exercice d'évacuation.</b> Les gens s'entraînent à quitter "
                                "une zone et à rejoindre un lieu sûr. Cela permet de tester les "
                                "itinéraires, les panneaux et les délais.</li>"
                                "</ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "title": "Commencez petit",
                                "text": (
                                    "<p>Pas besoin d'un grand exercice pour apprendre beaucoup. "
                                    "Une heure de discussion sur table avec trois contacts des "
                                    "communautés, un pompier et un agent municipal peut révéler "
                                    "des lacunes importantes.</p>"
                                ),
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": (
                                    "Quand vous préparez un exercice avec des communautés migrantes"
                                ),
                                "items": [
                                    (
                                        "Invitez vos contacts dans les communautés à concevoir "
                                        "l'exercice avec vous"
                                    ),
                                    (
                                        "Expliquez clairement le but, pour que personne ne croie à "
                                        "une vraie urgence ou à un contrôle d'immigration"
                                    ),
                                    "Prévoyez des interprètes et des documents traduits",
                                    (
                                        "Choisissez un moment où les travailleurs peuvent venir, "
                                        "comme le soir ou les jours de repos"
                                    ),
                                    "Prévoyez au moins une question sur les personnes sans papiers",
                                    "Faites un court bilan et notez ce que vous avez appris",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Scénario : le message de test",
                                "situation": (
                                    "<p>Votre équipe organise un test de communication. Vous "
                                    "envoyez une alerte inondation en quatre langues, par alertes "
                                    "sur téléphone portable et par les groupes de messagerie des "
                                    "communautés. Ensuite, un contact dans une communauté vous dit "
                                    "qu'un groupe a reçu le message dans la mauvaise langue. Un "
                                    "autre groupe a cru à une vraie inondation, et certaines "
                                    "personnes ont quitté leur travail en panique.</p>"
                                ),
                                "what_to_do": (
                                    "<p>Remerciez vos contacts pour leur retour. Corrigez la liste "
                                    "des langues pour chaque canal. Pour les prochains tests, "
                                    "mettez bien en évidence le mot « TEST » au début de chaque "
                                    "message, dans chaque langue. Prévenez les gens à l'avance par "
                                    "vos contacts de confiance. Notez ces leçons et mettez votre "
                                    "plan à jour.</p>"
                                ),
                                "discussion": [
                                    "Comment auriez-vous pu éviter la panique ?",
                                    "Qui faut-il prévenir à l'avance d'un test ?",
                                    "Que mesureriez-vous pour décider si le test a réussi ?",
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Après chaque exercice, partagez les résultats avec tous ceux "
                                "qui y ont participé, y compris les membres des communautés. "
                                "Montrez-leur ce que vous avez changé. Cela leur prouve que leur "
                                "temps a été utile, et leur donne envie de participer la prochaine "
                                "fois.</p>"
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

QUIZZES = {
    "pre-test": {
        "slug": "pre-test",
        "title": "Avant de commencer : que savez-vous déjà ?",
        "intro": (
            "<p>Ce court test montre ce que vous savez déjà sur la façon d'atteindre les migrants "
            "avant une crise. Il compte <b>5 questions</b>. Il n'y a pas de note minimale, et il "
            "ne compte pas pour terminer le cours. Vous ne pouvez le faire qu'une fois.</p>"
            "<p>Répondez simplement du mieux que vous pouvez. À la fin du cours, le quiz final "
            "vous montrera tout ce que vous avez appris.</p>"
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
                    "prompt": (
                        "<p>Pourquoi les alertes et l'aide d'urgence n'atteignent-elles souvent "
                        "pas les migrants ?</p>"
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": (
                                "Les systèmes d'urgence partent souvent du principe que tout le "
                                "monde parle la langue locale et connaît les règles locales."
                            ),
                            "correct": True,
                            "feedback": (
                                "Exact. Quand ce n'est pas le cas, des personnes passent entre les "
                                "mailles du filet."
                            ),
                        },
                        {
                            "text": (
                                "En général, les migrants se cachent de tout le monde pendant une "
                                "crise."
                            ),
                            "correct": False,
                            "feedback": (
                                "Pas tout à fait. Si les migrants sont oubliés, c'est en général "
                                "parce que personne n'a pensé à eux dans les plans, pas parce "
                                "qu'ils se cachent."
                            ),
                        },
                        {
                            "text": (
                                "Les migrants savent moins bien faire face au danger que les "
                                "autres."
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. Beaucoup de migrants ont survécu à des voyages difficiles et "
                                "savent très bien se débrouiller."
                            ),
                        },
                        {
                            "text": (
                                "Les migrants n'ont pas le droit de recevoir une aide d'urgence."
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. L'aide d'urgence est pour tout le monde, quels que soient la "
                                "nationalité ou le statut."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Les migrants ne sont pas invisibles. Ils sont oubliés parce que les "
                        "systèmes d'urgence sont souvent prévus seulement pour les personnes qui "
                        "parlent la langue locale, connaissent les règles et ont de la famille à "
                        "proximité. Une bonne préparation comble ces lacunes.</p>"
                    ),
                },
            ),
            (
                "multiple_choice",
                {
                    "prompt": (
                        "<p>Parmi ces situations, lesquelles peuvent empêcher les migrants de "
                        "recevoir les alertes et l'aide en cas d'urgence ? (Cochez toutes les "
                        "bonnes réponses.)</p>"
                    ),
                    "points": 2,
                    "scoring": "partial",
                    "choices": [
                        {
                            "text": (
                                "Les alertes sont diffusées uniquement dans la langue nationale."
                            ),
                            "correct": True,
                            "feedback": (
                                "Exact. On ne peut pas suivre une alerte qu'on ne comprend pas."
                            ),
                        },
                        {
                            "text": "La peur d'être arrêté ou expulsé.",
                            "correct": True,
                            "feedback": (
                                "Exact. Les personnes sans papiers peuvent éviter la police et les "
                                "agents publics, même en danger."
                            ),
                        },
                        {
                            "text": "L'employeur garde le passeport du travailleur.",
                            "correct": True,
                            "feedback": (
                                "Exact. Sans papiers, des personnes peuvent être refusées dans les "
                                "abris ou aux postes de contrôle."
                            ),
                        },
                        {
                            "text": "Savoir ce que signifient les sirènes locales.",
                            "correct": False,
                            "feedback": (
                                "Savoir ce que signifient les sirènes aide les gens. L'obstacle, "
                                "c'est de ne pas le savoir."
                            ),
                        },
                        {
                            "text": "Faire partie d'un groupe de discussion de la communauté.",
                            "correct": False,
                            "feedback": (
                                "Un groupe de discussion de la communauté est souvent un bon moyen "
                                "de joindre les gens, pas un obstacle."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Les obstacles courants sont la langue, le manque d'information, la "
                        "peur, l'absence de documents, l'isolement, et le manque d'argent ou de "
                        "moyens de transport.</p>"
                    ),
                },
            ),
            (
                "true_false",
                {
                    "prompt": (
                        "<p>Une carte des communautés doit donner le nom et l'adresse de chaque "
                        "migrant.</p>"
                    ),
                    "points": 1,
                    "answer": False,
                    "feedback": (
                        "<p>Faux. Une liste de noms et d'adresses peut être dangereuse entre de "
                        "mauvaises mains. Cartographiez des <b>groupes et des lieux</b>, pas des "
                        "individus, et notez les chiffres sous forme d'estimations.</p>"
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "<p>Qu'est-ce qui fait un bon message d'alerte précoce ?</p>",
                    "points": 1,
                    "choices": [
                        {
                            "text": (
                                "Des phrases courtes, une seule action claire et le numéro "
                                "d'urgence."
                            ),
                            "correct": True,
                            "feedback": (
                                "Exact. Les gens doivent savoir vite quoi faire et qui appeler."
                            ),
                        },
                        {
                            "text": (
                                "Une explication complète du danger, pour que les gens comprennent "
                                "la science."
                            ),
                            "correct": False,
                            "feedback": (
                                "Les longues explications font perdre du temps. Donnez plutôt une "
                                "seule action claire."
                            ),
                        },
                        {
                            "text": (
                                "Des formules officielles copiées de la loi, pour que personne ne "
                                "puisse les contester."
                            ),
                            "correct": False,
                            "feedback": (
                                "Le langage juridique est difficile à comprendre. Utilisez des "
                                "mots simples."
                            ),
                        },
                        {
                            "text": (
                                "Seulement la langue nationale, pour que tout le monde reçoive les "
                                "mêmes mots."
                            ),
                            "correct": False,
                            "feedback": (
                                "Beaucoup de migrants ne savent pas lire la langue nationale. "
                                "Traduisez le message dans leurs langues."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Utilisez des phrases courtes et des mots simples. Donnez une seule "
                        "action claire, ajoutez le numéro d'urgence et dites que l'aide est pour "
                        "tout le monde.</p>"
                    ),
                },
            ),
            (
                "short_answer",
                {
                    "prompt": (
                        "<p>Comment appelle-t-on le plan qui dit qui fait quoi si une situation "
                        "d'urgence précise se produit ? (Trois mots.)</p>"
                    ),
                    "points": 1,
                    "accepted_answers": [
                        "plan de contingence",
                        "un plan de contingence",
                        "plans de contingence",
                        "contingence",
                        "plan d'urgence",
                        "plan d’urgence",
                        "plans d'urgence",
                    ],
                    "feedback": (
                        "<p>Un <b>plan de contingence</b> (ou plan d'urgence) dit qui fait quoi en "
                        "cas d'urgence : alertes, évacuation, abris, soins et communication.</p>"
                    ),
                },
            ),
        ],
    },
    "final-quiz": {
        "slug": "final-quiz",
        "title": "Quiz final",
        "intro": (
            "<p>Ce quiz vérifie ce que vous avez appris dans ce cours : pourquoi les migrants sont "
            "oubliés, la cartographie des communautés, la confiance, les alertes précoces, les "
            "plans de contingence et les exercices.</p>"
            "<p>Il compte <b>10 questions</b>. Il vous faut <b>70 %</b> pour le réussir et "
            "terminer le cours. Vous pouvez le refaire autant de fois que nécessaire.</p>"
        ),
        "purpose": "post_test",
        "module": -1,
        "position": "last",
        "pass_mark": 70,
        "max_attempts": None,
        "required_for_completion": True,
        "questions": [
            # Leçon : Pourquoi les migrants sont oubliés dans les situations d'urgence
            (
                "single_choice",
                {
                    "prompt": (
                        "<p>Pendant une inondation, les habitants d'une rue de travailleurs "
                        "saisonniers ont entendu les sirènes mais n'ont rien fait. Quelle est la "
                        "raison la plus probable ?</p>"
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Personne ne leur avait dit ce que signifiaient les sirènes.",
                            "correct": True,
                            "feedback": (
                                "Exact. Les gens ne savent pas toujours ce que signifient les "
                                "sirènes si personne ne le leur explique."
                            ),
                        },
                        {
                            "text": "Le danger ne les intéressait pas.",
                            "correct": False,
                            "feedback": (
                                "Rien ne permet de le penser. Les gens agissent quand ils "
                                "comprennent une alerte."
                            ),
                        },
                        {
                            "text": "Les sirènes étaient trop faibles pour être entendues.",
                            "correct": False,
                            "feedback": (
                                "Ils ont bien entendu les sirènes. Le problème, c'était de les "
                                "comprendre."
                            ),
                        },
                        {
                            "text": "Leur employeur leur avait dit d'ignorer toutes les alertes.",
                            "correct": False,
                            "feedback": (
                                "Les employeurs peuvent être un obstacle, mais ici les "
                                "travailleurs ne savaient tout simplement pas ce que signifiaient "
                                "les sirènes."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Le manque d'information est un obstacle courant. Les gens ne "
                        "connaissent pas toujours le numéro d'urgence, l'emplacement des abris ou "
                        "le sens des sirènes.</p>"
                    ),
                },
            ),
            # Leçon : Cartographier les communautés migrantes sans danger
            (
                "multiple_choice",
                {
                    "prompt": (
                        "<p>Vous préparez une carte des communautés. Quelles sources pouvez-vous "
                        "utiliser sans recueillir de nouvelles données auprès des personnes ? "
                        "(Cochez toutes les bonnes réponses.)</p>"
                    ),
                    "points": 2,
                    "scoring": "partial",
                    "choices": [
                        {
                            "text": (
                                "Les totaux des langues utilisées dans les écoles et les centres "
                                "de santé locaux"
                            ),
                            "correct": True,
                            "feedback": "Exact. Utilisez seulement des totaux, jamais des noms.",
                        },
                        {
                            "text": "Les ambassades et les consulats",
                            "correct": True,
                            "feedback": (
                                "Exact. Ils savent souvent à peu près combien de leurs "
                                "ressortissants vivent dans la zone."
                            ),
                        },
                        {
                            "text": "Les groupes religieux et les commerces tenus par des migrants",
                            "correct": True,
                            "feedback": (
                                "Exact. Ils savent souvent qui vit à proximité et comment joindre "
                                "ces personnes."
                            ),
                        },
                        {
                            "text": (
                                "Une enquête en porte-à-porte qui demande à chaque migrant son nom "
                                "et ses papiers"
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. Vous avez rarement besoin de nouvelles données sur les "
                                "personnes, et demander leurs papiers les met en danger."
                            ),
                        },
                        {
                            "text": (
                                "Les listes des services d'immigration sur les personnes sans "
                                "papiers"
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. Cartographiez des groupes et des lieux, pas des individus, "
                                "et ne liez jamais la carte aux contrôles d'immigration."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Commencez par les informations qui existent déjà : totaux des "
                        "autorités locales, employeurs, consulats, groupes religieux et "
                        "communautaires, ONG et syndicats. Cartographiez des <b>groupes et des "
                        "lieux</b>, pas des individus.</p>"
                    ),
                },
            ),
            # Leçon : Créer la confiance et des réseaux de contacts
            (
                "single_choice",
                {
                    "prompt": (
                        "<p>Quel est le meilleur moment pour gagner la confiance des responsables "
                        "des communautés migrantes ?</p>"
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Avant toute crise, par des contacts simples et réguliers.",
                            "correct": True,
                            "feedback": (
                                "Exact. La confiance prend du temps, alors commencez dès "
                                "maintenant."
                            ),
                        },
                        {
                            "text": (
                                "Pendant la crise, quand les gens ont le plus besoin de votre aide."
                            ),
                            "correct": False,
                            "feedback": (
                                "Trop tard. Vous ne pouvez pas construire la confiance au milieu "
                                "d'une inondation."
                            ),
                        },
                        {
                            "text": "Après la crise, quand on a plus de temps pour parler.",
                            "correct": False,
                            "feedback": (
                                "À ce moment-là, vous avez manqué l'occasion de faire passer les "
                                "alertes."
                            ),
                        },
                        {
                            "text": "Seulement une fois votre plan d'urgence terminé.",
                            "correct": False,
                            "feedback": (
                                "Vos contacts doivent aider à construire le plan, alors commencez "
                                "avant qu'il soit terminé."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>En situation d'urgence, les gens agissent selon les informations de "
                        "sources en qui ils ont confiance. Créez des liens avec ces personnes de "
                        "confiance <b>avant</b> le début d'une crise.</p>"
                    ),
                },
            ),
            (
                "multiple_choice",
                {
                    "prompt": (
                        "<p>Parmi ces actions, lesquelles aident à faire vivre votre réseau de "
                        "contacts ? (Cochez toutes les bonnes réponses.)</p>"
                    ),
                    "points": 2,
                    "scoring": "partial",
                    "choices": [
                        {
                            "text": (
                                "Rencontrer vos contacts au moins deux fois par an, dans des lieux "
                                "où ils se sentent à l'aise"
                            ),
                            "correct": True,
                            "feedback": (
                                "Exact. Des contacts réguliers et détendus font vivre le réseau."
                            ),
                        },
                        {
                            "text": "Avoir au moins deux contacts par groupe",
                            "correct": True,
                            "feedback": (
                                "Exact. Un deuxième contact est utile si le premier est "
                                "injoignable."
                            ),
                        },
                        {
                            "text": "Dire à vos contacts ce que leur aide a permis de changer",
                            "correct": True,
                            "feedback": (
                                "Exact. Les gens restent engagés quand ils voient que leur aide "
                                "compte."
                            ),
                        },
                        {
                            "text": (
                                "Les contacter seulement quand vous avez besoin de quelque chose"
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. Partagez aussi des informations utiles sur la sécurité, pas "
                                "seulement des demandes."
                            ),
                        },
                        {
                            "text": (
                                "Compter sur un seul responsable connu pour parler au nom de toute "
                                "la communauté"
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. Une seule personne ne peut pas parler au nom de tous. "
                                "Incluez des femmes, des jeunes et des petits groupes."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Gardez un contact régulier, partagez des informations utiles, vérifiez "
                        "les coordonnées et remerciez les gens. N'oubliez pas que vos contacts "
                        "sont des bénévoles, pas des employés.</p>"
                    ),
                },
            ),
            # Leçon : Des alertes précoces en plusieurs langues
            (
                "multiple_choice",
                {
                    "prompt": (
                        "<p>Vous préparez des messages d'alerte avant une crise. Quelles étapes le "
                        "cours recommande-t-il ? (Cochez toutes les bonnes réponses.)</p>"
                    ),
                    "points": 2,
                    "scoring": "all_or_nothing",
                    "choices": [
                        {
                            "text": (
                                "Rédiger des modèles de messages courts pour chaque grand danger"
                            ),
                            "correct": True,
                            "feedback": (
                                "Exact. Dites ce qui se passe, où, et ce qu'il faut faire tout de "
                                "suite."
                            ),
                        },
                        {
                            "text": (
                                "Les faire traduire dans les principales langues de votre carte "
                                "des communautés"
                            ),
                            "correct": True,
                            "feedback": (
                                "Exact. Faites appel à des traducteurs professionnels quand c'est "
                                "possible."
                            ),
                        },
                        {
                            "text": (
                                "Demander à vos contacts dans les communautés de réexpliquer "
                                "chaque message avec leurs propres mots"
                            ),
                            "correct": True,
                            "feedback": "Exact. Cela montre si le message est vraiment compris.",
                        },
                        {
                            "text": (
                                "Attendre le début d'une crise, pour que chaque message "
                                "corresponde exactement à la situation"
                            ),
                            "correct": False,
                            "feedback": (
                                "Non. Vous pouvez faire l'essentiel de ce travail à l'avance, "
                                "quand vous avez le temps."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Choisissez les principaux dangers, rédigez des modèles courts, "
                        "faites-les traduire, testez-les avec vos contacts dans les communautés et "
                        "rangez-les là où on peut les trouver vite.</p>"
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "<p>Quel moyen de diffusion des alertes atteint tout le monde ?</p>",
                    "points": 1,
                    "choices": [
                        {
                            "text": "Aucun à lui seul. Il faut combiner plusieurs canaux.",
                            "correct": True,
                            "feedback": "Exact. Aucun canal ne touche tout le monde à lui seul.",
                        },
                        {
                            "text": "Les alertes sur téléphone portable",
                            "correct": False,
                            "feedback": (
                                "Les alertes sur téléphone n'atteignent pas toujours les personnes "
                                "qui ont un numéro étranger."
                            ),
                        },
                        {
                            "text": "Les sirènes et les haut-parleurs",
                            "correct": False,
                            "feedback": (
                                "Les sirènes ne marchent que si les gens ont appris ce qu'elles "
                                "signifient."
                            ),
                        },
                        {
                            "text": "Les affiches avec des images et des symboles",
                            "correct": False,
                            "feedback": (
                                "Les affiches aident, mais seules les personnes qui passent devant "
                                "les verront."
                            ),
                        },
                    ],
                    "feedback": (
                        "<p>Combinez les alertes sur téléphone, les groupes de messagerie des "
                        "communautés, la radio et les réseaux sociaux dans les langues des "
                        "migrants, les sirènes, le porte-à-porte et les affiches.</p>"
                    ),
                },
            ),
            # Leçon : Inclure les migrants dans les plans de contingence
            (
                "true_false",
                {
                    "prompt": (
                        "<p>Pendant une urgence, les services doivent s'occuper de la sécurité des "
                        "gens, pas des contrôles d'immigration.</p>"
                    ),
                    "points": 1,
                    "answer": True,
                    "feedback": (
                        "<p>Vrai. Si les migrants craignent que demander de l'aide les mène à une "
                        "arrestation, beaucoup éviteront les abris et les points d'évacuation. "
                        "Mettez-vous d'accord sur une règle claire, et faites en sorte que les "
                        "migrants en soient informés.</p>"
                    ),
                },
            ),
            (
                "true_false",
                {
                    "prompt": (
                        "<p>Si, dans le plan, les questions liées aux migrants sont le travail de "
                        "tout le monde, il n'est pas nécessaire de nommer un responsable.</p>"
                    ),
                    "points": 1,
                    "answer": False,
                    "feedback": (
                        "<p>Faux. Si c'est le travail de tout le monde, cela peut vite devenir le "
                        "travail de personne. Indiquez dans votre plan qui est responsable des "
                        "questions liées aux migrants.</p>"
                    ),
                },
            ),
            # Leçon : S'entraîner ensemble : exercices et simulations
            (
                "short_answer",
                {
                    "prompt": (
                        "<p>Comment s'appelle l'exercice où les participants s'assoient autour "
                        "d'une table et déroulent une urgence imaginaire, étape par étape, en "
                        "discutant ?</p>"
                    ),
                    "points": 1,
                    "accepted_answers": [
                        "exercice sur table",
                        "sur table",
                        "un exercice sur table",
                        "exercices sur table",
                        "l'exercice sur table",
                        "l’exercice sur table",
                        "exercice de table",
                        "un exercice de table",
                        "exercice en salle",
                        "un exercice en salle",
                        "simulation sur table",
                        "une simulation sur table",
                        "discussion sur table",
                        "une discussion sur table",
                    ],
                    "feedback": (
                        "<p>Un <b>exercice sur table</b> est peu coûteux et utile pour trouver les "
                        "lacunes d'un plan. Même une heure avec quelques contacts des communautés "
                        "et quelques intervenants peut vous apprendre beaucoup.</p>"
                    ),
                },
            ),
            (
                "short_answer",
                {
                    "prompt": (
                        "<p>Lors d'un test de communication, quel mot faut-il mettre bien en "
                        "évidence au début de chaque message, dans chaque langue ? (Un seul "
                        "mot.)</p>"
                    ),
                    "points": 1,
                    "accepted_answers": ["test", "'test'", '"test"', "le mot test"],
                    "feedback": (
                        "<p>Mettez le mot <b>TEST</b> au début de chaque message, et prévenez les "
                        "gens à l'avance par vos contacts de confiance. Sinon, les gens risquent "
                        "de croire que le danger est réel et de paniquer.</p>"
                    ),
                },
            ),
        ],
    },
}
