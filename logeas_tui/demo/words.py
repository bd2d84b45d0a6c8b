"""Words for the demo data: subjects, customer mails, technicians' answers and notes, in French
and English, by topic.

Placeholders (`str.format_map`): first, last, org, version, code, year, printer, db, day, tech,
amount, invoice, page, ip, and subject_lower in phone calls.
"""

from __future__ import annotations

from dataclasses import dataclass

Texts = tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    subjects_fr: Texts
    bodies_fr: Texts
    subjects_en: Texts
    bodies_en: Texts
    answers_fr: Texts = ()
    answers_en: Texts = ()


TOPICS: dict[str, Topic] = {
    "printer": Topic(
        (
            "Impression impossible depuis LoGeAs",
            "Problème d'impression des reçus fiscaux",
            "L'imprimante {printer} n'imprime plus les états",
            "Reçus imprimés en double",
        ),
        (
            "Bonjour,\n\nDepuis ce matin, impossible d'imprimer les reçus fiscaux : LoGeAs affiche "
            "« Erreur {code} » et rien ne sort sur l'imprimante {printer}.\nNous sommes en version "
            "{version}.\n\nCordialement,\n{first} {last}\n{org}",
            "Bonjour,\n\nQuand je lance l'impression des états du mois, seule la première page sort. "
            "L'imprimante {printer} fonctionne avec Word.\nPouvez-vous m'aider ?\n\n{first} {last}",
        ),
        (
            "Cannot print from LoGeAs",
            "Receipts print twice",
            "Printer {printer} prints blank pages",
        ),
        (
            'Hello,\n\nSince this morning LoGeAs will not print receipts: it shows "Error {code}" '
            "and the {printer} printer stays idle. We run version {version}.\n\nBest regards,\n"
            "{first} {last}\n{org}",
        ),
        (
            "Bonjour {first} {last},\n\nDans LoGeAs, menu Fichier > Configuration de l'impression, "
            "choisissez à nouveau l'imprimante {printer} puis relancez l'impression. L'erreur {code} "
            "vient d'un pilote remplacé par une mise à jour de Windows.\n\nBien cordialement,\n{tech}",
        ),
        (
            "Hello {first},\n\nIn LoGeAs, File > Print setup, choose the {printer} printer again and "
            "print once more. Error {code} comes from a driver replaced by a Windows update.\n\n"
            "Kind regards,\n{tech}",
        ),
    ),
    "backup": Topic(
        (
            "Sauvegarde en échec",
            "Message « sauvegarde non faite depuis 7 jours »",
            "Restaurer une sauvegarde du {day}",
            "Où sont mes sauvegardes ?",
        ),
        (
            "Bonjour,\n\nLoGeAs m'indique à chaque ouverture que la sauvegarde n'a pas été faite "
            "depuis 7 jours. Le disque externe est pourtant branché (lecteur E:).\n\n{first} {last}\n"
            "{org}",
            "Bonjour,\n\nNous avons saisi des écritures par erreur et souhaitons revenir à la "
            "sauvegarde du {day}. Comment faire sans perdre le reste ?\n\nMerci,\n{first} {last}",
        ),
        ("Backup failed", "Restore the backup of {day}", "Backup warning every morning"),
        (
            "Hello,\n\nEvery morning LoGeAs says the backup failed (code {code}). The USB disk is "
            "plugged in.\n\nThanks,\n{first} {last}",
        ),
        (
            "Bonjour,\n\nLa restauration se fait depuis Outils > Sauvegardes > Restaurer ; "
            "choisissez le fichier du {day}. Faites d'abord une sauvegarde de l'état actuel.\n\n{tech}",
        ),
        (
            "Hello,\n\nRestore from Tools > Backups > Restore and pick the file of {day}. Back up the "
            "current state first.\n\n{tech}",
        ),
    ),
    "erf": Topic(
        (
            "États ERF {year} : montants incohérents",
            "Clôture de l'exercice {year}",
            "Relation ERF : export refusé",
            "Reçus fiscaux {year} manquants dans l'état ERF",
        ),
        (
            "Bonjour,\n\nEn préparant l'état ERF de fin d'année {year}, le total des dons ne "
            "correspond pas au grand livre ({amount} € d'écart).\nPouvez-vous regarder ?\n\n"
            "{first} {last}, trésorier\n{org}",
            "Bonjour,\n\nLa clôture {year} bloque sur « écritures non validées » alors que tout est "
            "validé.\n\nCordialement,\n{first} {last}",
        ),
        ("ERF statement {year}: totals do not match", "Year-end closing {year}"),
        (
            "Hello,\n\nOur year-end ERF statement for {year} is {amount} EUR off the ledger. "
            "Could you have a look?\n\n{first} {last}, treasurer",
        ),
        (
            "Bonjour,\n\nL'écart vient de dons saisis après la date de clôture. Relancez "
            "Comptabilité > États de fin d'année > ERF après avoir revalidé la période.\n\n{tech}",
        ),
        (
            "Hello,\n\nThe gap comes from gifts entered after the closing date. Validate the period "
            "again, then run Accounting > Year-end > ERF.\n\n{tech}",
        ),
    ),
    "password": Topic(
        ("Mot de passe oublié", "Compte bloqué après 3 essais", "Changer le mot de passe admin"),
        (
            "Bonjour,\n\nNotre comptable a oublié son mot de passe LoGeAs et le compte est bloqué. "
            "Pouvez-vous le réinitialiser ?\n\n{first} {last}\n{org}",
        ),
        ("Forgot my password", "Account locked"),
        (
            "Hi,\n\nI am locked out of LoGeAs after three wrong passwords. Can you reset it?\n\n"
            "{first} {last}",
        ),
        (
            "Bonjour,\n\nUn administrateur peut réinitialiser le mot de passe depuis Administration > "
            "Utilisateurs. Le compte est débloqué de notre côté.\n\n{tech}",
        ),
        (
            "Hello,\n\nAn administrator can reset it in Administration > Users. I have unlocked the "
            "account.\n\n{tech}",
        ),
    ),
    "install": Topic(
        (
            "Installation sur un nouveau poste",
            "Transfert de LoGeAs sur un nouvel ordinateur",
            "Installation de la version {version}",
        ),
        (
            "Bonjour,\n\nNous changeons d'ordinateur la semaine prochaine. Comment transférer LoGeAs "
            "et nos données ?\n\n{first} {last}\n{org}",
            "Bonjour,\n\nL'installation de la version {version} s'arrête à 80 % avec le message "
            "« accès refusé ».\n\n{first} {last}",
        ),
        ("Install on a new computer", "Setup of version {version} stops"),
        (
            "Hello,\n\nWe are moving to a new PC. How do we move LoGeAs and our data?\n\n"
            "{first} {last}",
        ),
        (
            "Bonjour,\n\nFaites une sauvegarde sur l'ancien poste, installez LoGeAs sur le nouveau "
            "puis restaurez la sauvegarde. La procédure détaillée est dans la documentation.\n\n"
            "{tech}",
        ),
        (
            "Hello,\n\nBack up on the old PC, install LoGeAs on the new one, then restore the "
            "backup.\n\n{tech}",
        ),
    ),
    "slow": Topic(
        ("LoGeAs très lent", "Lenteurs à l'ouverture", "Recherche de donateurs interminable"),
        (
            "Bonjour,\n\nDepuis la mise à jour {version}, LoGeAs met plus de deux minutes à "
            "s'ouvrir et la recherche des donateurs est très lente.\n\n{first} {last}",
        ),
        ("LoGeAs is very slow", "Slow start since update {version}"),
        (
            "Hello,\n\nSince version {version}, LoGeAs takes two minutes to start.\n\n"
            "{first} {last}",
        ),
        (
            "Bonjour,\n\nLancez Outils > Maintenance > Réindexer la base ; l'opération prend "
            "quelques minutes et règle ces lenteurs.\n\n{tech}",
        ),
        (
            "Hello,\n\nRun Tools > Maintenance > Reindex; it takes a few minutes and cures the "
            "slowness.\n\n{tech}",
        ),
    ),
    "update": Topic(
        (
            "Mise à jour {version}",
            "Faut-il installer la version {version} ?",
            "Erreur pendant la mise à jour",
        ),
        (
            "Bonjour,\n\nLoGeAs me propose la mise à jour {version}. Puis-je l'installer en pleine "
            "période de reçus fiscaux ?\n\n{first} {last}",
        ),
        ("Update {version}", "Error during update"),
        ("Hello,\n\nShould we install update {version} now?\n\n{first} {last}",),
        (
            "Bonjour,\n\nOui, la version {version} corrige justement l'édition des reçus. "
            "Faites une sauvegarde avant.\n\n{tech}",
        ),
        ("Hello,\n\nYes, version {version} fixes receipts printing. Back up first.\n\n{tech}",),
    ),
    "export": Topic(
        (
            "Export vers le tableur",
            "Export comptable pour l'expert-comptable",
            "Fichier d'export vide",
        ),
        (
            "Bonjour,\n\nL'export des écritures vers le cabinet comptable produit un fichier vide "
            "depuis le {day}.\n\n{first} {last}\n{org}",
        ),
        ("Export to spreadsheet", "Export file is empty"),
        ("Hello,\n\nThe accounting export gives an empty file since {day}.\n\n{first} {last}",),
    ),
    "error": Topic(
        (
            "Message d'erreur {code}",
            "Erreur à la validation des écritures",
            "LoGeAs se ferme tout seul",
        ),
        (
            "Bonjour,\n\nEn validant le brouillard, LoGeAs affiche l'erreur {code} puis se ferme. "
            "Capture d'écran jointe.\n\n{first} {last}",
        ),
        ("Error {code}", "LoGeAs closes by itself"),
        (
            "Hello,\n\nWhen I validate entries, LoGeAs shows error {code} and closes.\n\n"
            "{first} {last}",
        ),
        (
            "Bonjour,\n\nL'erreur {code} est corrigée dans la version {version} ; merci de la "
            "télécharger depuis l'espace client.\n\n{tech}",
        ),
        (
            "Hello,\n\nError {code} is fixed in version {version}; please download it from the "
            "customer area.\n\n{tech}",
        ),
    ),
    "invoice": Topic(
        (
            "Facture {invoice}",
            "Renouvellement de la licence {year}",
            "Demande de devis",
            "Changement d'adresse de facturation",
        ),
        (
            "Bonjour,\n\nPouvez-vous nous envoyer un duplicata de la facture {invoice} ({amount} € "
            "TTC) ? Notre trésorier ne la retrouve pas.\n\n{first} {last}\n{org}",
            "Bonjour,\n\nNous souhaitons renouveler notre licence pour {year} et ajouter un poste. "
            "Merci de nous faire un devis.\n\n{first} {last}",
        ),
        ("Invoice {invoice}", "Licence renewal {year}", "Quote request"),
        ("Hello,\n\nCould you send a copy of invoice {invoice} ({amount} EUR)?\n\n{first} {last}",),
        (
            "Bonjour,\n\nVous trouverez la facture {invoice} dans votre espace client, rubrique "
            "Factures.\n\n{tech}",
        ),
        ("Hello,\n\nInvoice {invoice} is in your customer area, under Invoices.\n\n{tech}",),
    ),
    "idea": Topic(
        (
            "Suggestion : relances automatiques des donateurs",
            "Idée : export des reçus en PDF",
            "Proposition d'amélioration de l'écran de saisie",
            "Il serait pratique de…",
        ),
        (
            "Bonjour,\n\nIl serait très utile de pouvoir envoyer les reçus fiscaux par courriel "
            "directement depuis LoGeAs, en PDF.\n\nMerci de l'étudier !\n{first} {last}",
            "Bonjour,\n\nPourriez-vous ajouter un tri par date de dernier don dans la liste des "
            "donateurs ?\n\n{first} {last}\n{org}",
        ),
        ("Idea: e-mail receipts as PDF", "Feature request: sort donors by last gift"),
        (
            "Hello,\n\nIt would help a lot to e-mail tax receipts as PDF straight from LoGeAs.\n\n"
            "{first} {last}",
        ),
        (
            "Bonjour,\n\nMerci pour cette suggestion, elle est notée pour le plan produit.\n\n{tech}",
        ),
        ("Hello,\n\nThank you, the idea is noted for the product plan.\n\n{tech}",),
    ),
    "epudf": Topic(
        (
            "Groupe de travail EPUdF : compte rendu",
            "EPUdF : plan comptable des paroisses",
            "EPUdF : réunion du {day}",
        ),
        (
            "Bonjour,\n\nVoici le compte rendu de la réunion du groupe de travail LoGeAs-EPUdF du "
            "{day}. Points ouverts : plan comptable commun, reçus fiscaux des paroisses.\n\n"
            "{first} {last}",
        ),
        ("EPUdF working group: minutes", "EPUdF meeting of {day}"),
        (
            "Hello,\n\nMinutes of the LoGeAs-EPUdF working group meeting of {day}.\n\n"
            "{first} {last}",
        ),
    ),
    "site": Topic(
        (
            "Demande de contact depuis le site",
            "Formulaire web : demande de démonstration",
            "Formulaire web : rendez-vous",
        ),
        (
            "Formulaire de contact logeas.fr\n\nNom : {first} {last}\nOrganisme : {org}\n"
            "Message : Nous aimerions une démonstration de LoGeAs pour notre association.\n",
            "Formulaire de contact logeas.fr\n\nNom : {first} {last}\nOrganisme : {org}\n"
            "Message : Je souhaite prendre rendez-vous avec un technicien pour la clôture {year}.\n",
        ),
        ("Web form: contact request", "Web form: demo request"),
        (
            "logeas.fr contact form\n\nName: {first} {last}\nOrganisation: {org}\n"
            "Message: we would like a demonstration of LoGeAs.\n",
        ),
    ),
    "debugger": Topic(
        ("[LoGeAs Debugger] Violation d'accès dans {page}", "[LoGeAs Debugger] Exception {code}"),
        (
            "Rapport automatique du débogueur LoGeAs\n\nVersion : {version}\nModule : {page}\n"
            "Exception : EAccessViolation {code}\nPoste : {ip}\nPile :\n  {page}.Valider\n"
            "  Main.Run\n",
        ),
        ("[LoGeAs Debugger] Access violation in {page}",),
        (
            "LoGeAs debugger report\n\nVersion: {version}\nModule: {page}\n"
            "Exception: EAccessViolation {code}\nHost: {ip}\n",
        ),
    ),
    "archive": Topic(
        ("Sauvegarde de la base {db} à archiver", "Archivage : sauvegarde du {day}"),
        (
            "Sauvegarde transmise pour archivage.\nBase : {db}\nDate : {day}\nTaille : {amount} Mo\n",
        ),
        ("Backup of database {db} to archive",),
        ("Backup sent for archiving.\nDatabase: {db}\nDate: {day}\n",),
    ),
    "oldbackup": Topic(
        ("Sauvegarde base {db} : échec", "Copie de la base {db}"),
        (
            "Bonjour,\n\nLa sauvegarde de la base {db} a échoué cette nuit (code {code}).\n\n"
            "{first} {last}",
        ),
        ("Backup of {db} failed",),
        ("Hello,\n\nLast night's backup of {db} failed (code {code}).\n\n{first} {last}",),
    ),
    "saturne": Topic(
        ("Saturne : publication RTE n° {invoice}", "Saturne : rejet de la publication du {day}"),
        (
            "Bonjour,\n\nLa publication {invoice} vers RTE a été rejetée le {day} : horodatage "
            "invalide.\n\n{first} {last}",
        ),
        ("Saturne: RTE publication {invoice}",),
        ("Hello,\n\nPublication {invoice} to RTE was rejected on {day}.\n\n{first} {last}",),
    ),
    "secretariat": Topic(
        (
            "Commande de {amount} licences",
            "Attestation de formation",
            "Changement de contact",
            "Bon de commande {invoice}",
        ),
        (
            "Bonjour,\n\nVeuillez trouver ci-joint notre bon de commande {invoice}. Merci de nous "
            "adresser la facture correspondante.\n\n{first} {last}\n{org}",
        ),
        ("Purchase order {invoice}", "Training certificate"),
        ("Hello,\n\nPlease find our purchase order {invoice} attached.\n\n{first} {last}",),
    ),
    "junk": Topic(
        ("test", "Essai", "(sans objet)", "Fwd: pour info"),
        ("test\n", "Message envoyé par erreur, merci de ne pas en tenir compte.\n"),
        ("test", "(no subject)"),
        ("test message, please ignore\n",),
    ),
    "spam": Topic(
        (
            "Vous avez gagné un iPhone 15 !",
            "Augmentez votre visibilité sur Google",
            "Offre exclusive -70 %",
            "Votre colis est en attente",
        ),
        (
            "Félicitations ! Cliquez ici pour réclamer votre lot : http://promo.example/{code}\n",
            "Bonjour, nous proposons du référencement à petit prix. Répondez STOP pour ne plus "
            "recevoir nos offres.\n",
        ),
        ("Cheap meds online", "You won a prize", "Increase your sales now"),
        ("Dear friend, claim your prize here: http://win.example/{code}\n",),
    ),
    "virus": Topic(
        ("Facture impayée", "Document scanné", "Votre commande {invoice}"),
        ("Veuillez trouver la facture en pièce jointe (Facture_{invoice}.zip).\n",),
        ("Unpaid invoice", "Scanned document"),
        ("Please open the attached invoice_{invoice}.zip\n",),
    ),
    "mailing": Topic(
        (
            "Lettre d'information de {org}",
            "Webinaire comptabilité associative",
            "Nouveautés fiscales {year}",
        ),
        (
            "Lettre d'information — {org}\n\nAu sommaire ce mois-ci : la fiscalité des dons "
            "{year}, nos formations.\n\nSe désabonner : https://lists.example/unsubscribe\n",
        ),
        ("{org} newsletter", "Webinar: non-profit accounting"),
        (
            "{org} newsletter\n\nThis month: tax rules for gifts in {year}.\n\n"
            "Unsubscribe: https://lists.example/unsubscribe\n",
        ),
    ),
}

SUPPORT_TOPICS = (
    "printer",
    "backup",
    "erf",
    "password",
    "install",
    "slow",
    "update",
    "export",
    "error",
    "invoice",
)

QUEUE_TOPICS: dict[str, tuple[str, ...]] = {
    "LoGeAs": SUPPORT_TOPICS,
    "LoGeAs A voir": ("idea",),
    "LoGeAs EPUdF": ("epudf", "erf"),
    "LoGeAs:Erreur": ("debugger",),
    "LoGeAs:Sauvegarde de": ("archive",),
    "LoGeAsSite": ("site",),
    "Saturne": ("saturne",),
    "Secrétariat": ("secretariat", "invoice"),
    "LoGeAs:Relation ERF": ("erf",),
    "LoGeAsSauv": ("oldbackup",),
    "Delete": ("junk",),
    "Spam": ("spam",),
    "Virus": ("virus",),
    "Mailing": ("mailing",),
}

GENERIC_ANSWERS_FR = (
    "Bonjour {first} {last},\n\nNous avons bien étudié votre demande. Pouvez-vous vérifier que "
    "vous êtes en version {version} ? Si le problème persiste, répondez simplement à ce "
    "message.\n\nBien cordialement,\n{tech}\nSupport Logeas Informatique",
    "Bonjour,\n\nC'est corrigé de notre côté ; n'hésitez pas à nous recontacter en répondant à "
    "ce courriel.\n\n{tech}",
)
GENERIC_ANSWERS_EN = (
    "Hello {first},\n\nWe looked into it. Please check that you run version {version}; if the "
    "problem persists, just reply to this mail.\n\nKind regards,\n{tech}\nLogeas support",
)
ASK_FR = (
    "Bonjour {first} {last},\n\nPour avancer, pourriez-vous nous envoyer une capture d'écran du "
    "message et nous indiquer votre version de LoGeAs ?\nMerci de répondre à ce message pour "
    "conserver le numéro du ticket.\n\n{tech}",
    "Bonjour,\n\nÀ quelle date le problème est-il apparu ? Avez-vous changé d'imprimante ou "
    "d'ordinateur récemment ?\n\n{tech}",
)
ASK_EN = (
    "Hello {first},\n\nCould you send a screenshot of the message and your LoGeAs version? "
    "Please use reply so the ticket number is kept.\n\n{tech}",
)
FOLLOWUPS_FR = (
    "Merci beaucoup, tout fonctionne à nouveau !\n\n{first}",
    "Bonjour,\n\nJ'ai essayé mais le problème est toujours là (erreur {code}).\n\n{first} {last}",
    "Voici la capture demandée. Nous sommes en version {version}.\n\n{first}",
    "Bonjour,\n\nJe me permets de relancer : avez-vous pu regarder ?\n\n{first} {last}",
)
FOLLOWUPS_EN = (
    "Thanks a lot, it works again!\n\n{first}",
    "Hello,\n\nI tried, but the problem is still there (error {code}).\n\n{first}",
    "Here is the screenshot. We run version {version}.\n\n{first}",
)
NOTES = (
    "Appelé le client, pas de réponse ; rappeler demain matin.",
    "Reproduit sur la base de test, voir fiche de bug {code}.",
    "Client sous contrat d'assistance jusqu'en {year}.",
    "Called back, the customer will send the file.",
    "Prise en main à distance faite, reste à vérifier la sauvegarde.",
    "Vu avec {tech} : correctif prévu dans la {version}.",
)
PHONE_FR = (
    "Appel de {first} {last} ({org}) : {subject_lower}. ",
    "Appel entrant : {subject_lower}. Le client rappelle si besoin. ",
)
PHONE_OUTCOME_FR = (
    "Réglé au téléphone.",
    "Expliqué la manipulation, le client confirme que cela fonctionne.",
    "Reste à faire : vérifier la sauvegarde à distance.",
    "Reste à faire : envoyer la procédure par courrier.",
)
PHONE_EN = ("Call from {first} {last} ({org}): {subject_lower}. ",)
PHONE_OUTCOME_EN = ("Solved on the phone.", "To do: check the backup remotely.")

FIRST_NAMES = (
    "Marie",
    "Jean",
    "Anne",
    "Pierre",
    "Sylvie",
    "Michel",
    "Claire",
    "Philippe",
    "Isabelle",
    "Alain",
    "Hélène",
    "Jacques",
    "Françoise",
    "Bernard",
    "Élise",
    "Daniel",
    "Agnès",
    "Olivier",
    "Catherine",
    "Thierry",
    "Nathalie",
    "Laurent",
    "Brigitte",
    "Étienne",
    "Mathilde",
    "Hugo",
    "Camille",
    "Lucas",
    "Chloé",
    "Noémie",
    "Samuel",
    "Ruth",
    "David",
    "Emma",
    "James",
    "Sarah",
)
LAST_NAMES = (
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Smith",
    "Brown",
    "Wilson",
)
ORGS = (
    ("Paroisse protestante de {city}", "eglise-{slug}.fr"),
    ("Association Les Amis de {city}", "amis-{slug}.org"),
    ("Mairie de {city}", "mairie-{slug}.fr"),
    ("Cabinet comptable {last}", "cabinet-{slug}.fr"),
    ("Fondation {last}", "fondation-{slug}.org"),
    ("Secours fraternel de {city}", "secours-{slug}.org"),
    ("Entraide {city}", "entraide-{slug}.fr"),
    ("{city} Community Church", "{slug}-church.org"),
)
CITIES = (
    "Nîmes",
    "Alès",
    "Montpellier",
    "Lyon",
    "Strasbourg",
    "Mulhouse",
    "Nantes",
    "Rennes",
    "Bordeaux",
    "Pau",
    "Orthez",
    "Valence",
    "Privas",
    "Die",
    "Anduze",
    "Uzès",
    "Mazamet",
    "Castres",
    "La Rochelle",
    "Niort",
    "Montbéliard",
    "Colmar",
    "Grenoble",
    "Annecy",
    "Lille",
    "Rouen",
    "Caen",
    "Tours",
    "Poitiers",
    "Dijon",
    "Metz",
    "Nancy",
    "Le Vigan",
    "Millau",
)
WEBMAIL = ("orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr")
JUNK_SENDERS = (
    "promo@deals-mail.example",
    "noreply@colis-suivi.example",
    "info@seo-boost.example",
    "winner@lottery.example",
    "billing@factures-en-ligne.example",
)
MAILING_SENDERS = (
    "lettre@fiscalite-assos.example",
    "news@compta-asso.example",
    "webinaires@formation.example",
)
PRINTERS = ("HP LaserJet", "Brother HL-L2350", "Canon i-SENSYS", "Epson WF-2830", "Kyocera")
DATABASES = ("DONS", "COMPTA", "PAROISSE", "ASSO2", "PRINCIPALE")
PAGES = ("Saisie.Dons", "Recus.Impression", "Compta.Cloture", "Export.Tableur", "Donateurs")
