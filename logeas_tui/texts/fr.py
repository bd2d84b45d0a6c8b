"""Every text in French: the UI, the core's sentences and the state names, key -> text.

`en.py` has the same keys with the same `{fields}` (tests/unit/test_catalogues.py checks
it). Values are plain text, never markup."""

TEXTS: dict[str, str] = {
    # == The main screen, its panes and the banner ===============================================
    # banner: the phone line
    "banner.open": "Ligne ouverte — ferme à {time}",
    "banner.closed": "Fermé — répondeur ; {opens}",
    "banner.holiday": "Fermé ({holiday}, jour férié) — répondeur ; {opens}",
    "banner.opens_today": "ouvre à {time}",
    "banner.opens_day": "ouvre {day} {time}",
    "banner.never": "aucun horaire d'ouverture",
    "banner.reminders": "⏰ {count} à rappeler",
    "banner.waiting": "{count} à traiter par moi",
    "day.0": "lun.",
    "day.1": "mar.",
    "day.2": "mer.",
    "day.3": "jeu.",
    "day.4": "ven.",
    "day.5": "sam.",
    "day.6": "dim.",
    # mail sync status
    "sync.not_configured": "Courrier non configuré",
    "sync.error": "Erreur courrier :",
    "sync.last": "Courrier synchronisé à {time}",
    "sync.starting": "Courrier : première synchronisation…",
    "store.disk_full": "Le disque qui porte la base est plein ({where}) : rien n'a été écrit.",
    "app.store_busy": "La base est occupée ou injoignable — rien n'a été changé ; réessayez. ({cause})",
    "app.crashed": "logeas s'est arrêté sur une erreur inattendue ({cause}). Le détail est dans {path}.",
    "sync.held_by": "Courrier : synchronisé par la copie de {name} sur {host}",
    "sync.held_by_host": "Courrier : synchronisé par une copie sur {host}",
    "sync.waiting": "{count} à envoyer",
    "sync.now": "Synchronisation du courrier demandée",
    # avancement d'une longue synchronisation : « Courrier : 340 / 2 000 » (`_` groupe les
    # milliers par des espaces insécables, `,` par des virgules)
    "progress.mail": "Courrier : {done} / {total}",
    "backup.made": "La sauvegarde du jour est faite : {path}",
    # panes
    "pane.queues": "Files",
    "pane.detail": "Ticket",
    "pane.detail_of": "Ticket {number}",
    "queues.title": "File",
    "queues.new": "nouv",
    "queues.open": "ouv.",
    "queues.due": "rapp",
    "queues.review": "Ma revue",
    "queues.mine": "Mes tickets",
    "queues.held": "Courrier retenu",
    "queues.obsolete": "(obsolète)",
    # ticket list
    "list.everywhere": "Toutes les files",
    "list.loading": "Chargement…",
    "list.empty": "Aucun ticket ici.",
    "list.no_subject": "(sans objet)",
    "list.search": "recherche « {text} »",
    "list.with_closed": "tickets fermés inclus",
    "list.more_than": "plus de {count} tickets, les plus récents",
    # a ticket's age in the list: minutes, hours, days
    "age.minutes": "{count}m",
    "age.hours": "{count}h",
    "age.days": "{count}j",
    "filter.placeholder": "Rechercher dans les tickets (Entrée : filtrer, Échap : effacer)",
    "col.number": "Numéro",
    "col.age": "Âge",
    "col.state": "État",
    "col.customer": "Client",
    "col.subject": "Objet",
    "col.owner": "Prop.",
    # ticket detail
    "detail.hint_none": "Aucun ticket sélectionné.",
    "detail.hint": "Entrée : ouvrir le ticket {number}.",
    "detail.gone": "Le ticket {number} n'existe plus.",
    "detail.messages": "Messages ({count})",
    "detail.history": "Historique",
    "detail.until": "rappel le {date}",
    "detail.no_owner": "personne",
    "detail.merged_into": "Fusionné dans le ticket {number}",
    "detail.merged_here": "Tickets fusionnés ici : {numbers}",
    "detail.merged_from": "(venu du ticket {number} par fusion)",
    "detail.from": "de",
    "detail.to": "à",
    "detail.subject": "Objet :",
    "detail.parse_problem": "Courriel mal formé :",
    "detail.unknown_sender": (
        "D'un expéditeur inconnu (ni le client ni personne qui a écrit sur ce ticket) "
        "— {shortcut} pour l'accepter comme courriel du client."
    ),
    "detail.attachment": "Pièce jointe :",
    "detail.folded": "… {size} de plus non affichés — {shortcut} : afficher la suite",
    "field.state": "État",
    "field.queue": "File",
    "field.customer": "Client",
    "field.owner": "Propriétaire",
    "field.created": "Créé",
    "field.updated": "Modifié",
    "kind.mail_in": "Courriel reçu",
    "kind.mail_out": "Courriel envoyé",
    "kind.phone": "Appel téléphonique",
    "kind.note": "Note interne (jamais envoyée)",
    "kind.other": "Message",
    "history.created": "création",
    "history.state": "état",
    "history.owner": "propriétaire",
    "history.queue": "file",
    "history.note": "note",
    "history.merge": "fusion",
    "history.merged": "fusionné",
    "history.unmerge": "défusion",
    "history.unmerged": "défusionné",
    "history.transfer": "transfert",
    "history.reply": "réponse",
    "history.canned answer": "réponse type",
    "history.documentation": "documentation",
    "history.ask info": "demande d'info",
    "history.customer mail": "courriel client",
    "history.mail not sent": "courriel non envoyé",
    "history.copy kept": "copie gardée",
    "history.message id reused": "identifiant de message réutilisé",
    "history.no acknowledgement": "pas d'accusé de réception",
    "history.unknown sender mail": "courriel d'un expéditeur inconnu",
    "history.sender accepted": "expéditeur accepté",
    # navigation keys (help screen)
    "nav.down": "descendre",
    "nav.up": "monter",
    "nav.first": "premier",
    "nav.last": "dernier",
    "nav.page_down": "page suivante",
    "nav.page_up": "page précédente",
    "nav.open": "ouvrir",
    "nav.scroll_down": "défiler vers le bas",
    "nav.scroll_up": "défiler vers le haut",
    "key.search": "chercher",
    "key.back": "retour / effacer le filtre",
    "key.toggle_closed": "afficher/masquer les fermés",
    "key.mine": "mes tickets",
    "key.unfold": "afficher la suite d'un long mail",
    # Textual's own keys, as the help lists them
    "help.focus_next": "panneau suivant",
    "help.focus_previous": "panneau précédent",
    "help.scroll_up": "défiler vers le haut",
    "help.scroll_down": "défiler vers le bas",
    "help.scroll_home": "début",
    "help.scroll_end": "fin",
    "help.page_up": "page précédente",
    "help.page_down": "page suivante",
    "help.quit": "quitter",
    "help.cursor_up": "monter",
    "help.cursor_down": "descendre",
    "help.first": "premier",
    "help.last": "dernier",
    "help.leaves_kept": "état gardé",
    "help.leaves_before": "état d'avant la fusion",
    "help.leaves_replied": "comme la réponse du client (fermé, en attente → ouvert)",
    "help.leaves_or": " ou ",
    "help.select": "choisir",
    # the action table
    "act.merge": "fusionner",
    "act.unmerge": "défusionner",
    "act.reply": "répondre",
    "act.canned": "rép. type",
    "act.doc": "doc",
    "act.ask": "demander",
    "act.pending": "rappel",
    "act.transfer": "transférer",
    "act.move": "déplacer",
    "act.close": "fermer",
    "act.close_unsuccessful": "fermer ✗",
    "act.reopen": "rouvrir",
    "act.note": "note",
    "act.take": "prendre",
    "act.accept": "accepter l'expéditeur",
    "act.no_ticket": "Aucun ticket sélectionné.",
    "act.refused": "« {action} » refusé",
    # un changement refusé parce que quelqu'un d'autre a modifié le ticket (`said` : qui, quoi)
    "act.conflict": "{said} L'écran montre maintenant son nouvel état.",
    "act.kept": "Votre texte n'a pas été envoyé ; il est gardé : la même touche vous le redonne.",
    "act.busy": "Ticket {number} : l’action précédente est encore en cours",
    "act.answered": "{who} vient de répondre au ticket {number} : « {line} »",
    "dlg.answered.question": (
        "{who} vient de répondre au ticket {number}. Envoyer aussi votre réponse ?"
    ),
    # global keys
    "app.quit": "quitter",
    "app.help": "aide",
    "app.palette": "commandes",
    "app.phone": "appel",
    "app.sync": "synchroniser",
    # command palette
    "cmd.phone": "Nouveau ticket téléphonique",
    "cmd.phone_help": "Saisir un appel en cours (F2)",
    "cmd.sync": "Synchroniser le courrier maintenant",
    "cmd.sync_help": "Relever et envoyer le courrier sans attendre",
    "app.stats": "statistiques",
    "cmd.stats": "Statistiques",
    "cmd.stats_help": "Tickets par semaine, clôtures, réouvertures et attentes en heures d'ouverture (S)",
    "stats.title": "Statistiques — toutes les files sauf le courrier retenu, {weeks} dernières semaines (durées en heures d'ouverture)",
    "stats.loading": "Lecture des statistiques…",
    "stats.hint": "Échap fermer   ·   par file : logeas stats [--queue F] [--json|--csv]",
    "stats.created": "créés",
    "stats.closed": "clos",
    "stats.bars_title": "Tickets par semaine",
    "stats.answer_title": "Délai médian de première réponse (minutes)",
    "stats.oldest": "Plus ancien ticket ouvert par file",
    "stats.col.week": "Semaine",
    "stats.col.mail": "Par mail",
    "stats.col.phone": "Par téléphone",
    "stats.col.closed": "Clos",
    "stats.col.reopened": "Rouverts",
    "stats.col.open": "Encore ouverts",
    "stats.col.answer": "1re réponse",
    "stats.col.close": "Clôture",
    "cmd.placeholder": "Chercher une commande…",
    "cmd.sys.theme": "Thème",
    "cmd.sys.theme_help": "Changer les couleurs de l'application",
    "cmd.sys.quit": "Quitter",
    "cmd.sys.quit_help": "Quitter l'application",
    "cmd.sys.hide_keys": "Touches",
    "cmd.sys.hide_keys_help": "Masquer le panneau des touches",
    "cmd.sys.show_keys": "Touches",
    "cmd.sys.show_keys_help": "Afficher les touches du panneau actif dans un panneau latéral",
    "cmd.sys.minimize": "Réduire",
    "cmd.sys.minimize_help": "Rendre au panneau sa taille normale",
    "cmd.sys.maximize": "Agrandir",
    "cmd.sys.maximize_help": "Afficher le panneau actif sur tout l'écran",
    "cmd.sys.screenshot": "Capture d'écran",
    "cmd.sys.screenshot_help": "Enregistrer une image SVG de l'écran",
    "cmd.action_help": "Sur le ticket {number}",
    "cmd.merge": "Fusionner {number} dans…",
    "cmd.unmerge": "Défusionner {number}",
    "cmd.reply": "Répondre à {number}",
    "cmd.canned": "Réponse type à {number}",
    "cmd.doc": "Référence de documentation pour {number}",
    "cmd.ask": "Demander des informations ({number})",
    "cmd.pending": "Rappel en attente pour {number}",
    "cmd.transfer": "Transférer {number} à un autre niveau",
    "cmd.move": "Déplacer {number} vers une file",
    "cmd.close": "Fermer {number}",
    "cmd.close_unsuccessful": "Fermer {number} sans succès",
    "cmd.reopen": "Rouvrir {number}",
    "cmd.note": "Note interne sur {number}",
    "cmd.take": "Prendre {number}",
    "cmd.accept": "Accepter le courriel de l'expéditeur inconnu sur {number}",
    # long descriptions, for the help screen
    "act.merge.long": "fusionner dans un ticket existant (doublon, complément)",
    "act.unmerge.long": "annuler la fusion",
    "act.reply.long": "écrire une réponse au client",
    "act.canned.long": "envoyer une réponse type",
    "act.doc.long": "envoyer une référence de documentation",
    "act.ask.long": "demander des informations",
    "act.pending.long": "rappel dans x jours",
    "act.transfer.long": "transférer à un autre niveau de support",
    "act.move.long": "déplacer dans une autre file",
    "act.close.long": "fermer avec succès",
    "act.close_unsuccessful.long": "fermer sans succès",
    "act.reopen.long": "rouvrir",
    "act.note.long": "note interne (non envoyée)",
    "act.take.long": "prendre le ticket (j'en deviens propriétaire)",
    "act.accept.long": "accepter le courriel d'un expéditeur inconnu comme celui du client",
    "sync.arrived": "Courrier : {counts}",
    # assigner à un collègue de mon niveau, relire, files obsolètes (lecture seule)
    "act.assign": "assigner",
    "act.assign.long": "assigner à un collègue de mon niveau",
    "cmd.assign": "Assigner {number} à un collègue de mon niveau",
    "dlg.done.assign": "Ticket {number} assigné ; son état est inchangé.",
    "dlg.assign.title": "Assigner le ticket {number} à un collègue de mon niveau",
    "dlg.assign.current": "Propriétaire actuel : {name}",
    "dlg.assign.hint": "Entrée : assigner (l'état reste le même) · Échap : annuler",
    "dlg.assign.empty": "Aucun autre technicien de mon niveau (autre niveau : transférer, t).",
    "key.reload": "relire l'écran",
    "cmd.reload": "Relire l'écran",
    "cmd.reload_help": "Files, liste et ticket tels que la base les contient maintenant ({shortcut})",
    "reload.done": "Relu depuis la base.",
    "help.obsolete": "dans une file obsolète, lecture seule : seulement {keys} (l'en sortir)",
    # == States (the values stored are core/procedure.py's) ======================================
    # long names: the ticket's detail, the dialogs and the core's sentences
    "state.new": "nouveau",
    "state.open": "ouvert",
    "state.pending reminder": "en attente de rappel",
    "state.closed successful": "fermé avec succès",
    "state.closed unsuccessful": "fermé sans succès",
    "state.merged": "fusionné",
    "state.removed": "supprimé",
    # short names: the ticket list's column
    "state.short.new": "nouveau",
    "state.short.open": "ouvert",
    "state.short.pending reminder": "en attente",
    "state.short.closed successful": "fermé",
    "state.short.closed unsuccessful": "fermé ✗",
    "state.short.merged": "fusionné",
    "state.short.removed": "supprimé",
    # == Dialogs, phone intake, compose and help (keys start with `dlg.`) ========================
    # Generic dialogs
    "dlg.yes": "Oui",
    "dlg.no": "Non",
    "dlg.confirm_hint": "y ou Entrée : oui · n ou Échap : non",
    "dlg.days_label": "Rappel dans (jours) :",
    "dlg.days_hint": "Entrée : valider · Échap : annuler",
    "dlg.days_missing": "Indiquez un nombre de jours.",
    # Ticket fields in dialogs
    "dlg.field.number": "Numéro",
    "dlg.field.state": "État",
    "dlg.field.customer": "Client",
    "dlg.field.subject": "Objet",
    "dlg.field.queue": "File",
    # Results of the actions
    "dlg.flow.unknown": "Action inconnue : {action}.",
    "dlg.done.merge": "Ticket {source} fusionné dans {number}, qui est ouvert.",
    "dlg.done.unmerge": "Ticket {number} défusionné : ses messages et son état sont revenus.",
    "dlg.done.reply": "Réponse au ticket {number} mise en boîte d'envoi ; ticket fermé.",
    "dlg.done.canned": "Réponse type envoyée pour le ticket {number} ; ticket fermé.",
    "dlg.done.doc": "Référence de documentation envoyée pour le ticket {number} ; ticket fermé.",
    "dlg.done.ask": "Demande d'informations envoyée pour le ticket {number}.",
    "dlg.done.pending": "Ticket {number} en attente avec rappel.",
    "dlg.done.transfer": "Ticket {number} transféré ; son état est inchangé.",
    "dlg.done.move": "Ticket {number} déplacé ; son état est inchangé.",
    "dlg.done.close": "Ticket {number} fermé.",
    "dlg.done.close_unsuccessful": "Ticket {number} fermé (sans succès).",
    "dlg.done.reopen": "Ticket {number} rouvert.",
    "dlg.done.note": "Note interne ajoutée au ticket {number}.",
    "dlg.done.take": "Vous êtes propriétaire du ticket {number}.",
    "dlg.done.accept": "Ticket {number} : le courriel est accepté comme celui du client.",
    # Merge
    "dlg.merge.title": "Fusionner le ticket {number} dans…",
    "dlg.merge.placeholder": "numéro du ticket existant",
    "dlg.merge.type_number": "Tapez le numéro (16 chiffres) du ticket existant.",
    "dlg.merge.digits": "{count}/{total} chiffres",
    "dlg.merge.ready": "Vérifiez les deux tickets, puis Entrée pour fusionner.",
    "dlg.merge.duplicate": "Doublon (ce ticket)",
    "dlg.merge.target": "Ticket existant (reste ouvert)",
    "dlg.merge.target_empty": "Le ticket existant s'affichera ici.",
    "dlg.merge.hint": "Entrée : fusionner · Échap : annuler · la fusion peut être annulée (u)",
    # the merge dialog's candidates, `logeas duplicates`, the detail's mark (services.duplicates)
    "dlg.merge.candidates": "Doublons possibles (↑↓ choisir, Entrée fusionne dedans) — ou tapez un numéro :",
    "dlg.merge.looking": "Recherche des doublons possibles…",
    "dlg.merge.no_candidates": "Aucun doublon probable : tapez le numéro.",
    "dup.same_customer": "même client",
    "dup.similar": "sujet semblable",
    "dup.strong": "doublon probable",
    "dup.none": "Aucun doublon possible du ticket {number} n'a été trouvé.",
    "detail.possible_duplicate": "Doublon possible de {number}",
    "detail.draft.reply": "Votre réponse est gardée en brouillon, non envoyée — {shortcut} : la reprendre",
    "detail.draft.note": "Votre note est gardée en brouillon, non enregistrée — {shortcut} : la reprendre",
    "detail.draft.ask": "Votre demande d'information est gardée en brouillon, non envoyée — {shortcut} : la reprendre",
    "dlg.phone.open_ticket": "1 ticket en cours",
    "dlg.phone.open_tickets": "{count} tickets en cours",
    "dlg.unmerge.question": "Sortir le ticket {number} de {target} et rétablir les deux ?",
    # Compose and review
    "dlg.compose.to": "À :",
    "dlg.compose.review": "Relire (ctrl+s)",
    "dlg.compose.save": "Enregistrer (ctrl+s)",
    "dlg.compose.external": "$EDITOR (ctrl+e)",
    "dlg.compose.cancel": "Annuler (Échap)",
    "dlg.compose.hint_review": (
        "ctrl+s : relire avant d'envoyer · ctrl+e (ou e hors du texte) : écrire dans $EDITOR "
        "· Tab : boutons · Échap : annuler"
    ),
    "dlg.compose.hint_save": (
        "ctrl+s : enregistrer · ctrl+e (ou e hors du texte) : écrire dans $EDITOR · Échap : annuler"
    ),
    "dlg.compose.discard": "Abandonner ce texte ?",
    "dlg.compose.no_suspend": (
        "Impossible d'ouvrir $EDITOR ici : le terminal ne peut pas être suspendu."
    ),
    "dlg.compose.editor_missing": "Impossible de lancer l'éditeur {editor} : {error}",
    "dlg.compose.editor_failed": (
        "L'éditeur {editor} a échoué (code {code}) : le texte n'a pas changé."
    ),
    "dlg.review.title": "Relecture — {title}",
    "dlg.review.send": "Envoyer",
    "dlg.review.edit": "Modifier",
    "dlg.review.leave": "Quitter",
    "dlg.review.hint": "s ou Entrée : {send} · e ou Échap : revenir au texte · c : quitter",
    # Drafts (what is typed is kept until sent or discarded)
    "drafts.since": "Votre brouillon du {when}, pas encore envoyé.",
    "drafts.kept": (
        "Brouillon gardé — appuyez de nouveau sur {shortcut} sur le ticket {number} pour le reprendre."
    ),
    "drafts.kept_here": "Brouillon gardé — la même touche sur ce ticket le reprend.",
    "drafts.keep_button": "Garder en brouillon (Échap)",
    "drafts.discard_button": "Abandonner (F8)",
    "drafts.discard_question": "Abandonner ce brouillon ? Ce que vous avez tapé sera perdu.",
    "drafts.discarded": "Brouillon abandonné.",
    "drafts.hint_review": (
        "ctrl+s : relire avant d'envoyer · ctrl+e (ou e hors du texte) : écrire dans $EDITOR "
        "· Échap : garder en brouillon · F8 : l'abandonner"
    ),
    "drafts.hint_save": (
        "ctrl+s : enregistrer · ctrl+e (ou e hors du texte) : écrire dans $EDITOR "
        "· Échap : garder en brouillon · F8 : l'abandonner"
    ),
    "dlg.reply.title": "Réponse au ticket {number}",
    "dlg.reply.send": "Envoyer et fermer",
    "dlg.note.title": "Note interne sur le ticket {number}",
    # Canned answers and documentation
    "dlg.canned.title": "Réponse type pour le ticket {number}",
    "dlg.canned.hint": (
        "↑↓ : choisir (aperçu à droite) · Entrée : envoyer et fermer · Échap : annuler"
    ),
    "dlg.canned.empty": "Aucune réponse type (dossier data/canned).",
    "dlg.doc.title": "Référence de documentation pour le ticket {number}",
    "dlg.doc.hint": "↑↓ : choisir (aperçu à droite) · Entrée : envoyer et fermer · Échap : annuler",
    "dlg.doc.empty": "Aucune référence (fichier data/docs.toml).",
    # Ask for information
    "dlg.ask.compose_title": "Demande d'informations — ticket {number}",
    "dlg.ask.send": "Continuer",
    "dlg.ask.title": "Après l'envoi de la demande, le ticket est :",
    "dlg.ask.close": "fermé — la réponse du client le rouvrira",
    "dlg.ask.pending": "en attente — rappel dans le nombre de jours ci-dessous",
    "dlg.ask.hint": "↑↓ puis Entrée : choisir · Tab : jours · Échap : revenir au texte",
    # Pending, transfer, move, close
    "dlg.pending.title": "Mettre le ticket {number} en attente",
    "dlg.transfer.title": "Transférer le ticket {number} à un autre niveau",
    "dlg.transfer.current": "Actuellement : {name} (niveau {level})",
    "dlg.transfer.hint": "Entrée : transférer (l'état reste le même) · Échap : annuler",
    "dlg.transfer.empty": "Aucun technicien d'un autre niveau.",
    "dlg.move.title": "Déplacer le ticket {number} vers la file…",
    "dlg.move.current": "File actuelle : {queue} (seules les files actives sont proposées)",
    "dlg.move.hint": "Entrée : déplacer (l'état reste le même) · Échap : annuler",
    "dlg.move.empty": "Aucune autre file active.",
    "dlg.close.question": "Fermer le ticket {number} (résolu) ?",
    "dlg.close_unsuccessful.question": "Fermer le ticket {number} sans succès ?",
    # Phone intake
    "dlg.phone.title": "Nouveau ticket téléphonique",
    "dlg.phone.customer": "Client (e-mail ou tél.)",
    "dlg.phone.customer_placeholder": "adresse e-mail ou numéro de téléphone",
    "dlg.phone.customer_hint": "Sans e-mail, tapez le téléphone : il devient <chiffres>@{domain}",
    "dlg.phone.hint_email": "adresse e-mail",
    "dlg.phone.hint_neither": "ni une adresse e-mail ni un numéro de téléphone (pour l'instant)",
    "dlg.phone.name": "Nom",
    "dlg.phone.name_placeholder": "nom du client (facultatif)",
    "dlg.phone.queue": "File",
    "dlg.phone.subject": "Objet",
    "dlg.phone.subject_placeholder": "de quoi parle l'appel ?",
    "dlg.phone.body": "Fait / reste à faire",
    "dlg.phone.body_placeholder": "ce qui a été fait, ce qui reste à faire",
    "dlg.phone.finished": "Intervention terminée → fermer le ticket maintenant",
    "dlg.phone.owner": "Propriétaire",
    "dlg.phone.level": "niveau {level}",
    "dlg.phone.nobody": "(personne)",
    "dlg.phone.hint": (
        "ctrl+s : enregistrer · Tab / Entrée : champ suivant · Échap : annuler · "
        "propriétaire obligatoire si l'intervention n'est pas terminée"
    ),
    "dlg.phone.saved": "Ticket créé — donnez ce numéro au client :",
    "dlg.phone.saved_closed": "Intervention terminée : le ticket est fermé.",
    "dlg.phone.saved_open": "Le ticket est ouvert ; propriétaire : {owner}.",
    "dlg.phone.done_hint": "y : copier le numéro · Entrée ou Échap : fermer",
    "dlg.phone.copied": "Numéro {number} copié.",
    "dlg.phone.discard": "Abandonner ce ticket téléphonique ? Ce qui a été tapé sera perdu.",
    # Help
    "dlg.help.title": "Touches",
    "dlg.help.navigation": "Navigation",
    "dlg.help.actions": "Actions sur le ticket",
    "dlg.help.other": "Autres",
    "dlg.help.hint": "Échap ou ? : fermer",
    # == What the core says (core/sentences.py: `Sentence(key, **values)`) =======================
    "no_ticket": "Il n'y a pas de ticket {number}.",
    "conflict": (
        "Le ticket {number} a été modifié par quelqu'un d'autre entre-temps : "
        "rechargez-le et recommencez."
    ),
    "conflict_by": "Le ticket {number} a été modifié par {who} entre-temps ({change}).",
    # ce qu'a fait une ligne d'historique, en quelques mots (le `change` de conflict_by)
    "change_state": "{state}",
    "change_to_state": "{action} → {state}",
    "change_to": "{action} → {new}",
    "merged_away": (
        "Le ticket {number} a été fusionné dans {target} : travaillez sur {target}, "
        "ou défusionnez-le d'abord."
    ),
    "removed": "Le ticket {number} a été supprimé.",
    "no_technician": "Aucun technicien ne s'appelle « {name} » (connus : {known}).",
    "no_canned": "Il n'y a pas de réponse type « {name} » (connues : {known}).",
    "no_doc": "Il n'y a pas de référence de documentation « {ref} » (connues : {known}).",
    "no_template": "Le modèle « {name} » manque dans {folder}.",
    "no_queue": "Il n'y a pas de file « {name} » (files actives : {known}).",
    "obsolete_queue": (
        "La file « {name} » est obsolète : elle n'accepte ni nouveau ticket ni déplacement."
    ),
    "obsolete_read_only": (
        "Le ticket {number} est dans une file obsolète, en lecture seule : déplacez-le "
        "d'abord vers une file active."
    ),
    "no_subject": "Donnez un objet au ticket : de quoi parle l'appel ?",
    "owner_needed": (
        "L'intervention n'est pas terminée : choisissez le propriétaire qui poursuit, "
        "ou indiquez-la terminée pour fermer le ticket maintenant."
    ),
    "already_state": "Le ticket {number} est déjà {state}.",
    "nothing_to_reopen": "Le ticket {number} est {state}, ni fermé ni en attente : rien à rouvrir.",
    "nothing_to_accept": (
        "Le ticket {number} ne contient aucun courriel d'un expéditeur inconnu à accepter."
    ),
    "not_unknown_sender": (
        "Ce message du ticket {number} n'est pas un courriel d'un expéditeur inconnu en "
        "attente d'acceptation."
    ),
    "days_range": "Rappel dans 1 à 365 jours.",
    "empty_note": "La note est vide.",
    "empty_message": "Le message est vide.",
    "already_owner": "{name} est déjà propriétaire du ticket {number}.",
    "same_level": (
        "{name} est au niveau {level}, comme {current} : choisissez un technicien "
        "d'un autre niveau."
    ),
    "already_in_queue": "Le ticket {number} est déjà dans {queue}.",
    "customer_missing": "Saisissez l'adresse e-mail ou le numéro de téléphone du client.",
    "customer_neither": (
        "« {text} » n'est ni une adresse e-mail ni un numéro de téléphone (ex. 01 23 45 67 89)."
    ),
    "customer_bad_email": "« {text} » n'est pas une adresse e-mail valide : {why}",
    "merge_self": "Un ticket ne peut pas être fusionné dans lui-même : choisissez une autre cible.",
    "not_merged": "Le ticket {number} est {state}, pas fusionné : rien à défusionner.",
    "no_merge_record": (
        "Le ticket {number} n'a pas de trace de sa fusion : elle ne peut pas être annulée."
    ),
    "target_merged": "Le ticket {number} a lui-même été fusionné depuis : défusionnez-le d'abord.",
    "target_changed": "Le ticket {number} a changé après la fusion : son état a été gardé.",
    "no_mailbox": "{customer} n'a pas de boîte mail : rien n'a été envoyé. Rappelez le client.",
    "delete_grace": "Le ticket {number} sera détruit dans {hours} h s'il ne sort pas de Delete.",
    # core/services/wording.py : les détails des lignes d'historique, gardés dans la langue du support
    "wording.phone": "appel de {customer} dans {queue}",
    "wording.phone_owner": "appel de {customer} dans {queue}, propriétaire {owner}",
    "wording.mail": "courriel de {sender} dans {queue}",
    "wording.mail_unparsed": (
        "courriel de {sender} dans {queue} (analyse impossible ; octets bruts gardés)"
    ),
    "wording.reused_id": "<{id}> était déjà pris par un courriel du ticket {number}",
    "wording.accepted": "accepté comme courriel du client : {senders}",
    "wording.reminder_in.one": "rappel dans {count} jour",
    "wording.reminder_in.other": "rappel dans {count} jours",
    "wording.with_level": "{name} (niveau {level})",
    "wording.state_kept": "état gardé : {state}",
    "wording.merged_into.one": "fusionné dans {target} ({count} message déplacé)",
    "wording.merged_into.other": "fusionné dans {target} ({count} messages déplacés)",
    "wording.out_of_obsolete": "une réponse du client : les files obsolètes sont en lecture seule",
    "wording.merged_here": "{number} fusionné dans ce ticket",
    "wording.unmerged": "sorti de {number}",
    "wording.unmerge_back": "{number} sorti ; état revenu à {state}",
    "wording.unmerge_kept": "{number} sorti ; état gardé ({state}) : il a changé après la fusion",
    "wording.another_copy": "autre exemplaire de <{id}>",
    "wording.reminder_on": "rappel le {when} UTC",
    "wording.no_mailbox": "{action} : {customer} est un client téléphone sans boîte mail",
    # store.copy : `logeas migrate-store`
    "same_store": "{where} est à la fois la source et la cible : donnez une autre cible.",
    "store_not_empty": (
        "La base cible {where} n'est pas vide (tickets : {tickets}, messages : {messages}, "
        "files : {queues}) : donnez-en une vide, ou --force pour remplacer son contenu."
    ),
    "copy_failed": "La copie vers {where} a échoué, rien n'a été gardé : {cause}.",
    "copy_mismatch": (
        "La copie vers {where} diffère de la source ({detail}) : rien n'a été gardé."
    ),
    # numbers.explain_invalid: a ticket number typed by hand
    "number_not_digits": "« {text} » n'est pas un numéro de ticket : tapez uniquement des chiffres.",
    "number_length": "Un numéro de ticket a 16 chiffres ; {number} en a {count}.",
    "number_check_digit": (
        "{number} a un chiffre de contrôle faux : il a sans doute été mal tapé."
    ),
    # cli.serve_verb / cli.serve_gate: `logeas serve`
    "serve.open": "Ouvrez {url} dans un navigateur (Ctrl+C arrête le service).",
    "serve.open_password": (
        "Ouvrez {url} dans un navigateur et donnez le mot de passe de [serve] "
        "(Ctrl+C arrête le service)."
    ),
    "serve.login.title": "Support Logeas",
    "serve.login.password": "Mot de passe",
    "serve.login.button": "Ouvrir le support",
    "serve.login.wrong": "Mot de passe erroné.",
    "serve.login.needed": "Donnez d'abord le mot de passe du support, sur sa page.",
    "serve_needs_password": (
        "Servir sur {host} laisse entrer d'autres machines, il faut donc un mot de passe : "
        "réglez password sous [serve] dans le fichier de réglages, ou servez sur 127.0.0.1."
    ),
    "serve_cannot_listen": "Impossible d'écouter sur {host} port {port} : {cause}.",
    # core/services/mail_sync.py et core/mail/transport.py : ce qu'un tour de courrier a rencontré
    "sync.round_too_long": (
        "{host} n'a pas fini en {seconds} s ({count} mails enregistrés) ; le tour suivant continue"
    ),
    "sync.connection_lost": (
        "la connexion à {host} a été perdue ({count} mails enregistrés) ; le tour suivant continue"
    ),
    "sync.imap_failed": "serveur IMAP {where} : {cause}",
    "sync.imap": "IMAP : {cause}",
    "sync.smtp": "SMTP : {cause}",
    "sync.faults": "{first} ; {second}",
    "smtp.refused": "le serveur l'a refusé : {code} {said}",
    "smtp.bad_security": "sécurité SMTP inconnue « {security} »",
    "smtp.no_password": "aucun mot de passe SMTP configuré pour {user}",
    "smtp.cannot_connect": "connexion impossible au serveur SMTP {where} : {cause}",
    "smtp.lost": "connexion au serveur SMTP {where} perdue : {cause}",
    # core/store/connection.py, backup.py : ouvrir, sauvegarder et restaurer une base
    "store.needs_psycopg": (
        "PostgreSQL demande le paquet psycopg : pip install 'psycopg[binary]'."
    ),
    "store.cannot_open": "Impossible d'ouvrir la base {where} : {cause}.",
    "backup.exists": "{path} existe déjà : donnez un nouveau nom de fichier ou un dossier.",
    "backup.no_store": "Il n'y a pas de base à {path}.",
    "backup.integrity": "La sauvegarde {target} a échoué au contrôle d'intégrité : {checked}.",
    "backup.mismatch": "La sauvegarde {target} ne contient pas ce que la base contenait : {copied}.",
    "backup.failed": "Impossible de sauvegarder {where} : {cause}.",
    "backup.none_at": "Il n'y a pas de sauvegarde à {source}.",
    "backup.damaged": "{source} est endommagé : {checked}.",
    "backup.not_backup": "{source} n'est pas une sauvegarde de base : {cause}.",
    "restore.open_by": (
        "La base {target} est ouverte par une application ou une commande (processus {pid}) : "
        "quittez-la d'abord, puis restaurez."
    ),
    "restore.sessions": (
        "La base {target} est ouverte par {count} autre(s) session(s) : "
        "quittez toutes les applications et commandes qui l'utilisent, puis restaurez."
    ),
    # core/config_reader.py, config.py, keymap.py : ce qui ne va pas dans le fichier de réglages
    "config.at_line": "{path}, ligne {line} : clé '{name}' : {problem}",
    "config.at": "{path} : clé '{name}' : {problem}",
    "config.expected": "{kind} attendu, trouvé {got}",
    "config.between": "doit être entre {low} et {high}, pas {value}",
    "config.unknown": "réglage inconnu (connus : {known})",
    "config.unknown_hours": "réglage inconnu",
    "config.section": "une [section] est attendue",
    "config.language": 'doit être "fr" ou "en", pas {value}',
    "config.system_id": "doit faire deux chiffres, pas {value}",
    "config.key_name": "un nom de touche est attendu, trouvé {got}",
    "config.me": "{me} n'est pas un technicien (techniciens : {names})",
    "config.empty": "ne doit pas être vide",
    "config.not_folder": "{path} n'est pas un dossier",
    "config.not_data": "{path} n'est pas un dossier de données (pas de queues.toml)",
    "config.technicians": "des entrées [[technicians]] sont attendues",
    "config.tech_name": "chaque technicien a besoin d'un nom",
    "config.level": "les niveaux de support commencent à 1",
    "config.zone": "fuseau horaire inconnu {value}",
    "config.hours_list": 'une liste comme ["09:00-12:00"] est attendue',
    "config.interval": '{value} n\'est pas une plage "HH:MM-HH:MM"',
    "config.backwards": "{value} finit avant de commencer",
    "config.host": "un serveur de courrier a besoin d'un hôte (host)",
    "config.security": 'doit être "none", "starttls" ou "ssl", pas {value}',
    "config.no_action": "aucune action n'a cet identifiant (identifiants : {ids})",
    "config.not_key": "{typed} n'est pas un nom de touche (par ex. M, f5, ctrl+x)",
    "config.key_taken": "{typed} est déjà la touche de '{other}'",
    "config.key_moves": "{typed} déplace dans les listes ({panes})",
    "config.command_slow": "password_command n'a pas répondu en {seconds} s",
    "config.command_failed": "password_command a échoué avec le statut {status}",
    "config.not_utf8": "{path} : pas du texte UTF-8 (octet {byte}) : enregistrez-le en UTF-8",
    "config.not_toml": "{path} : {cause}",
    "config.default_queue": "{queue} n'est pas une file qui reçoit de nouveaux tickets (files : {queues})",
    "data.queue_name": "{path} : la file n° {n} n'a pas de nom",
    "data.doc_field": "{path} : le document n° {n} n'a pas de {field}",
    "config.exposed_password": (
        "{path} contient un mot de passe que d'autres utilisateurs peuvent lire : "
        "lancez chmod 600 {path}"
    ),
    "demo.stopped": "Le générateur de démonstration s'est arrêté avant la fin.",
    "demo.failed": "Le générateur de démonstration a échoué : {cause}",
    # == The command line (cli/): summaries, errors and `--help` ================================
    "quote": "« {text} »",
    # cli/progress.py: what a progress bar counts (a store copy's tables by their names)
    "progress.what.mails": "mails",
    "progress.what.tickets": "tickets",
    "progress.what.pages": "pages",
    "progress.what.queue": "files",
    "progress.what.technician": "techniciens",
    "progress.what.ticket": "tickets",
    "progress.what.message": "messages",
    "progress.what.raw_mail": "mails bruts",
    "progress.what.attachment": "pièces jointes",
    "progress.what.history": "historique",
    "progress.what.seen": "marques de lecture",
    "progress.what.outbox": "mails sortants",
    "progress.what.counter": "compteurs du jour",
    "progress.what.auto_reply_count": "réponses automatiques",
    "progress.what.sync_state": "états de synchronisation",
    "progress.what.lease": "baux",
    "progress.what.draft": "brouillons",
    "count.row.draft.one": "{count} brouillon",
    "count.row.draft.other": "{count} brouillons",
    "size.bytes": "{size} o",
    "size.kb": "{size} ko",
    "size.mb": "{size} Mo",
    "list.and": "{head} et {last}",
    "cli.migrate.copied": "Copié de {source} vers {target} en {seconds} s : {what}.",
    "cli.migrate.nothing": "rien (la source est vide)",
    "cli.migrate.counts_match": (
        "Tous les comptes concordent (aucun mail brut ni pièce jointe à comparer)."
    ),
    "cli.migrate.sha_match": "Tous les comptes concordent, ainsi que le sha256 de {what}.",
    "count.row.ticket.one": "{count} ticket",
    "count.row.ticket.other": "{count} tickets",
    "count.row.message.one": "{count} message",
    "count.row.message.other": "{count} messages",
    "count.row.raw_mail.one": "{count} mail brut",
    "count.row.raw_mail.other": "{count} mails bruts",
    "count.row.history.one": "{count} ligne d'historique",
    "count.row.history.other": "{count} lignes d'historique",
    "count.row.attachment.one": "{count} pièce jointe",
    "count.row.attachment.other": "{count} pièces jointes",
    "count.row.outbox.one": "{count} mail sortant",
    "count.row.outbox.other": "{count} mails sortants",
    "count.row.queue.one": "{count} file",
    "count.row.queue.other": "{count} files",
    "count.row.technician.one": "{count} technicien",
    "count.row.technician.other": "{count} techniciens",
    "count.row.seen.one": "{count} marque de lecture",
    "count.row.seen.other": "{count} marques de lecture",
    "count.row.counter.one": "{count} compteur du jour",
    "count.row.counter.other": "{count} compteurs du jour",
    "count.row.auto_reply_count.one": "{count} compte de réponses automatiques",
    "count.row.auto_reply_count.other": "{count} comptes de réponses automatiques",
    "count.row.sync_state.one": "{count} état de synchronisation de boîte",
    "count.row.sync_state.other": "{count} états de synchronisation de boîte",
    "count.row.lease.one": "{count} bail",
    "count.row.lease.other": "{count} baux",
    "count.row.other.one": "{count} autre ligne",
    "count.row.other.other": "{count} autres lignes",
    "count.digest.raw_mail_raw.one": "{count} mail brut",
    "count.digest.raw_mail_raw.other": "{count} mails bruts",
    "count.digest.message_legacy_raw.one": "{count} mail brut gardé à l'ancienne",
    "count.digest.message_legacy_raw.other": "{count} mails bruts gardés à l'ancienne",
    "count.digest.outbox_raw.one": "{count} mail sortant",
    "count.digest.outbox_raw.other": "{count} mails sortants",
    "count.digest.attachment_data.one": "{count} pièce jointe",
    "count.digest.attachment_data.other": "{count} pièces jointes",
    # counts, said with `Catalog.plural` (`.one` for 1 in English; 0 and 1 in French)
    "count.new_ticket.one": "{count} nouveau ticket",
    "count.new_ticket.other": "{count} nouveaux tickets",
    "count.followup.one": "{count} réponse de client",
    "count.followup.other": "{count} réponses de clients",
    "count.ignored.one": "{count} ignoré",
    "count.ignored.other": "{count} ignorés",
    "count.sent.one": "{count} courriel envoyé",
    "count.sent.other": "{count} courriels envoyés",
    "count.waiting.one": "{count} en attente d'envoi",
    "count.waiting.other": "{count} en attente d'envoi",
    "count.unparsed.one": "{count} gardé sans analyse (octets bruts conservés)",
    "count.unparsed.other": "{count} gardés sans analyse (octets bruts conservés)",
    "count.not_sent.one": "{count} non envoyé (nouvel essai plus tard)",
    "count.not_sent.other": "{count} non envoyés (nouvel essai plus tard)",
    "count.purged.one": "{count} détruit dans Delete",
    "count.purged.other": "{count} détruits dans Delete",
    "count.message.one": "{count} message",
    "count.message.other": "{count} messages",
    "count.copy.one": "{count} autre copie d'un Message-ID déjà gardé",
    "count.copy.other": "{count} autres copies d'un Message-ID déjà gardé",
    "count.duplicate.one": "{count} déjà enregistré",
    "count.duplicate.other": "{count} déjà enregistrés",
    "count.parsed.one": "{count} analysé sans erreur",
    "count.parsed.other": "{count} analysés sans erreur",
    "count.ticket.one": "{count} ticket",
    "count.ticket.other": "{count} tickets",
    "count.raw_mail.one": "{count} avec les octets de son courriel",
    "count.raw_mail.other": "{count} avec les octets de leur courriel",
    "count.queued.one": "{count} courriel en attente d'envoi",
    "count.queued.other": "{count} courriels en attente d'envoi",
    "count.mail.one": "{count} courriel",
    "count.mail.other": "{count} courriels",
    "count.phone.one": "{count} appel téléphonique",
    "count.phone.other": "{count} appels téléphoniques",
    "count.note.one": "{count} note",
    "count.note.other": "{count} notes",
    "count.mail_in.one": "{count} courriel reçu",
    "count.mail_in.other": "{count} courriels reçus",
    "count.mail_out.one": "{count} courriel envoyé",
    "count.mail_out.other": "{count} courriels envoyés",
    "count.reminder_due.one": "{count} rappel échu",
    "count.reminder_due.other": "{count} rappels échus",
    "cli.error": "erreur : {said}",
    "cli.warning": "avertissement : {said}",
    "cli.note": "remarque : {said}",
    "cli.db_refused": "La base a refusé le changement : {cause}.",
    "cli.bad_now": ("LOGEAS_NOW={value} n'est pas une date-heure ISO comme 2026-11-24T10:30."),
    "cli.not_utf8": "{path} n'est pas du texte UTF-8.",
    "cli.cannot_read": "Impossible de lire {path} : {cause}.",
    "cli.queue.active": "active",
    "cli.queue.held": "retenue",
    "cli.queue.obsolete": "obsolète",
    "cli.queue.empty": "vide",
    "cli.unknown_queue": "Il n'y a pas de file « {name} » (files : {known}).",
    "cli.show.until": "jusqu'au {date}",
    "cli.show.into": "dans {number}",
    "cli.show.unknown_sender": (
        "D'un expéditeur inconnu (ni le client ni personne qui a écrit sur ce ticket) : "
        "`logeas accept {number}` l'accepte comme courriel du client."
    ),
    "cli.show.attachment": "{name} ({type}, {size} o)",
    "cli.no_raw": (
        "Le ticket {number} n'a aucun courriel reçu avec ses octets d'origine (les appels, "
        "les notes et les courriels de démo de plus de 90 jours n'en ont pas)."
    ),
    "cli.no_raw_k": (
        "Le ticket {number} n'a pas de courriel reçu numéro {k} avec ses octets d'origine "
        "(les appels, les notes et les courriels de démo de plus de 90 jours n'en ont pas)."
    ),
    "cli.no_message_k": "Le ticket {number} a {count} messages, pas {k}.",
    "cli.purged.one": "{count} ticket détruit dans Delete (délai de grâce {hours} h).",
    "cli.purged.other": "{count} tickets détruits dans Delete (délai de grâce {hours} h).",
    "cli.demo.one": "{count} ticket de démo ajouté en {seconds} s.",
    "cli.demo.other": "{count} tickets de démo ajoutés en {seconds} s.",
    "cli.sync.unconfigured": (
        "Aucune section [imap] ni [smtp] dans les réglages : rien à synchroniser."
    ),
    "cli.sync.held_by": (
        "Le courrier est synchronisé par la copie de {name} sur {host} : rien n'est relevé "
        "ni envoyé ici."
    ),
    "cli.sync.held_by_host": (
        "Le courrier est synchronisé par une copie sur {host} : rien n'est relevé ni envoyé ici."
    ),
    "cli.import.unparsed": "gardé mais mal analysé : {path}",
    "cli.import.summary": (
        "{messages} : {outcomes} ; {parsed}, {unparsed} ({seconds} s, {rate} courriels/s)"
    ),
    "cli.import.skipped": "ignoré, ce n'est pas un courriel : {path}",
    "cli.import.skipped_count.one": (
        "{count} fichier ignoré : il ne commence pas comme un courriel."
    ),
    "cli.import.skipped_count.other": (
        "{count} fichiers ignorés : ils ne commencent pas comme un courriel."
    ),
    "cli.import.failed": "non importé : {line}",
    "cli.import.failed_count.one": (
        "{count} n'a pas pu être importé (voir ci-dessus) ; les autres l'ont été."
    ),
    "cli.import.failed_count.other": (
        "{count} n'ont pas pu être importés (voir ci-dessus) ; les autres l'ont été."
    ),
    "cli.outbox.empty": "La boîte d'envoi est vide : tout le courrier est parti.",
    "cli.outbox.row": "{ticket}  à {recipient}  {subject}  essais {attempts}",
    "cli.outbox.error": " — dernière erreur : {error}",
    "cli.backup.done": (
        "Base {source} sauvegardée dans {target} ({size} Mo, {seconds} s) : {counts} ; "
        "son contrôle d'intégrité est passé."
    ),
    "cli.restore.done": "Sauvegarde {source} restaurée en {target} : {counts}.",
    "cli.restore.done_aside": (
        "Sauvegarde {source} restaurée en {target} : {counts} ; la base remplacée est gardée "
        "sous {aside}."
    ),
    "cli.export.no_bytes": "Le ticket {number} ne contient aucun octet de courriel à exporter.",
    "cli.export.exists": "{path} existe déjà : donnez un nouveau nom de fichier.",
    "cli.export.done": (
        "{mails} du ticket {number} écrits dans {path} ({received} reçus, {sent} envoyés)."
    ),
    "cli.export.done_left": (
        "{mails} du ticket {number} écrits dans {path} ({received} reçus, {sent} envoyés) ; "
        "sans octets de courriel, absents : {left}."
    ),
    "cli.stats.all": "toutes sauf retenues",
    "cli.stats.col.queue": "file",
    "cli.stats.col.week": "semaine",
    "cli.stats.col.new": "créés",
    "cli.stats.col.mail": "mail",
    "cli.stats.col.phone": "tél.",
    "cli.stats.col.closed": "clos",
    "cli.stats.col.reopened": "rouv.",
    "cli.stats.col.open": "ouv.",
    "cli.stats.col.answer": "1re réponse",
    "cli.stats.col.close": "clôture",
    "cli.stats.oldest": "plus ancien ticket ouvert par file",
    # argparse's own texts (cli/parser.py hands them over through argparse's gettext)
    "argparse.usage": "utilisation : ",
    "argparse.positional": "arguments",
    "argparse.options": "options",
    "argparse.help": "afficher cette aide et quitter",
    "argparse.error": "%(prog)s : erreur : %(message)s\n",
    "argparse.argument": "argument %(argument_name)s : %(message)s",
    "argparse.required": "arguments obligatoires manquants : %s",
    "argparse.unrecognized": "arguments non reconnus : %s",
    "argparse.one_of": "l'un des arguments %s est obligatoire",
    "argparse.not_allowed": "interdit avec l'argument %s",
    "argparse.expected_one": "une valeur est attendue",
    "argparse.invalid_choice": "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "argparse.invalid_value": "valeur %(type)s invalide : %(value)r",
    "argparse.ambiguous": "option ambiguë : %(option)s peut être %(matches)s",
    # `logeas --help`
    "cli.help.description": (
        "Le support de Logeas Informatique. Sans verbe, lance l'application plein écran."
    ),
    "cli.help.epilog": (
        "environnement :\n"
        "  LOGEAS_DB       fichier de la base (ou URL postgresql://) ; --db l'emporte\n"
        "  LOGEAS_CONFIG   fichier de réglages ; --config l'emporte\n"
        "  LOGEAS_NOW      fige l'horloge à cette date-heure ISO, ex. 2026-11-24T10:30\n"
        "                  (sans décalage = le fuseau configuré) ; pour démos et tests\n"
        "\n"
        "Les erreurs s'affichent en une phrase sur stderr, avec le code de sortie 1 (2 pour "
        "une ligne de commande mal tapée).\n"
    ),
    "cli.help.version": "afficher la version et quitter",
    "cli.help.common": "options communes (avant ou après le verbe)",
    "cli.help.db": "fichier de la base ou URL postgresql:// (env LOGEAS_DB)",
    "cli.help.config": "fichier de réglages (env LOGEAS_CONFIG)",
    "cli.help.json": "écrire du JSON plutôt que du texte",
    "cli.help.if_version": (
        "refuser si le ticket n'est plus à la version V (voir `show --json`) : quelqu'un "
        "d'autre l'a modifié depuis votre lecture"
    ),
    "cli.help.unknown_state": "état inconnu {text} (états : {states})",
    "cli.help.not_whole": "{text} n'est pas un nombre entier",
    "cli.help.not_positive": "{text} doit valoir 1 ou plus",
    "cli.help.not_port": "{text} n'est pas un port (1 à 65535)",
    "cli.verb.queues": "les files, avec le nombre de tickets par état",
    "cli.verb.technicians": "les techniciens et leur niveau de support",
    "cli.verb.stats": "tickets par file et par semaine, attentes en heures",
    "cli.verb.demo": "ajouter des tickets de démonstration réalistes à la base",
    "cli.verb.list": "les tickets, du plus ancien au plus récent",
    "cli.verb.show": "un ticket avec ses messages et son historique",
    "cli.verb.raw": "les octets d'origine d'un courriel reçu",
    "cli.verb.phone": "saisir un appel téléphonique comme nouveau ticket",
    "cli.verb.merge": "fusionner un doublon dans un ticket existant (→ ouvert)",
    "cli.verb.duplicates": (
        "les tickets dont N est peut-être un doublon (ceux du client, puis les objets semblables)"
    ),
    "cli.verb.unmerge": "annuler la fusion d'un ticket",
    "cli.verb.reply": "répondre au client et fermer le ticket",
    "cli.verb.ask": "demander des informations au client (→ fermé, ou en attente)",
    "cli.verb.pending": "mettre un rappel dans X jours",
    "cli.verb.transfer": "passer à un technicien d'un autre niveau de support (état gardé)",
    "cli.verb.move": "déplacer dans une autre file (état gardé)",
    "cli.verb.close": "fermer le ticket (avec succès sauf indication)",
    "cli.verb.reopen": "rouvrir un ticket fermé ou en attente",
    "cli.verb.note": "ajouter une note interne",
    "cli.verb.take": "devenir propriétaire du ticket",
    "cli.verb.assign": "confier le ticket à un technicien",
    "cli.verb.accept": (
        "accepter le courriel d'un expéditeur inconnu comme celui du client (fait ce que fait "
        "sa réponse : fermé ou en attente → ouvert)"
    ),
    "cli.verb.purge": "détruire les tickets de la file Delete dont le délai de grâce est passé",
    "cli.verb.sync": "relever le courrier et envoyer la boîte d'envoi maintenant",
    "cli.verb.import": "enregistrer des fichiers de courriel (.eml, Maildir, mbox) comme tickets",
    "cli.verb.outbox": "le courrier en attente d'envoi",
    "cli.verb.serve": "servir l'application à un navigateur (mêmes réglages et base)",
    "cli.verb.export": "écrire les courriels d'un ticket (leurs octets) dans un mbox",
    "cli.verb.backup": (
        "copier la base de --db, même en cours d'usage, dans un nouveau fichier et vérifier "
        "la copie"
    ),
    "cli.verb.restore": (
        "remettre une sauvegarde à la place de la base de --db (refusé tant qu'elle est "
        "ouverte ; la base remplacée est gardée à côté)"
    ),
    "cli.verb.migrate-store": (
        "copier une base entière dans une autre (SQLite <-> PostgreSQL) et vérifier la "
        "copie ; --db n'est pas utilisé"
    ),
    "cli.arg.csv": "écrire du CSV plutôt que du texte",
    "cli.arg.state": "parmi : {states}",
    "cli.arg.search": "recherche plein texte dans les objets et les courriels",
    "cli.arg.review": (
        "ma revue du jour : nouveaux tickets, courriels de clients non vus, rappels échus"
    ),
    "cli.arg.limit": "au plus N tickets (par défaut tous)",
    "cli.arg.raw_message": "le K-ième courriel reçu du ticket (par défaut le premier)",
    "cli.arg.customer": (
        "adresse e-mail, ou numéro de téléphone (devient <chiffres>@<domaine du support>)"
    ),
    "cli.arg.body": "résumé de l'intervention",
    "cli.arg.name": "le nom du client",
    "cli.arg.close": "l'intervention est terminée",
    "cli.arg.owner": "qui poursuit les actions restantes",
    "cli.arg.answer_file": "le texte de la réponse ('-' = entrée standard)",
    "cli.arg.canned": "une réponse type de data/canned/",
    "cli.arg.doc": "une référence de documentation de data/docs.toml",
    "cli.arg.question_file": "la question ('-' = entrée standard)",
    "cli.arg.pending_days": "rester en attente et me le rappeler dans X jours au lieu de fermer",
    "cli.arg.note_file": "le texte de la note ('-' = entrée standard)",
    "cli.arg.accept_message": (
        "seulement le K-ième message, numéroté comme dans `show` (par défaut tous ceux marqués)"
    ),
    "cli.arg.once": "un seul tour, puis quitter (par défaut : en boucle)",
    "cli.arg.no_ack": "n'envoyer aucun accusé de réception",
    "cli.arg.host": (
        "adresse d'écoute (par défaut {host} ; une autre demande le mot de passe de [serve])"
    ),
    "cli.arg.mbox": "un nouveau fichier mbox (mboxrd)",
    "cli.arg.backup_path": "un nouveau fichier, ou un dossier où en écrire un daté",
    "cli.arg.from": (
        "la base à copier (mise d'abord au schéma actuel, comme le ferait son ouverture)"
    ),
    "cli.arg.to": "une base PostgreSQL vide, ou un nouveau fichier",
    "cli.arg.force": "remplacer le contenu de la cible (par défaut : refuser)",
}
