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
    "list.count": "{count} ticket(s)",
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
    "sync.arrived": "Courrier : {new} nouveau(x) ticket(s), {followups} réponse(s) de clients",
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
    "dlg.review.hint": "s ou Entrée : envoyer · e ou Échap : revenir au texte · c : quitter",
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
    "no_technician": "Aucun technicien ne s'appelle {name!r} (connus : {known}).",
    "no_canned": "Il n'y a pas de réponse type {name!r} (connues : {known}).",
    "no_doc": "Il n'y a pas de référence de documentation {ref!r} (connues : {known}).",
    "no_template": "Le modèle {name!r} manque dans {folder}.",
    "no_queue": "Il n'y a pas de file {name!r} (files actives : {known}).",
    "obsolete_queue": (
        "La file {name!r} est obsolète : elle n'accepte ni nouveau ticket ni déplacement."
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
        "{text!r} n'est ni une adresse e-mail ni un numéro de téléphone (ex. 01 23 45 67 89)."
    ),
    "customer_bad_email": "{text!r} n'est pas une adresse e-mail valide : {why}",
    "merge_self": "Un ticket ne peut pas être fusionné dans lui-même : choisissez une autre cible.",
    "not_merged": "Le ticket {number} est {state}, pas fusionné : rien à défusionner.",
    "no_merge_record": (
        "Le ticket {number} n'a pas de trace de sa fusion : elle ne peut pas être annulée."
    ),
    "target_merged": "Le ticket {number} a lui-même été fusionné depuis : défusionnez-le d'abord.",
    "target_changed": "Le ticket {number} a changé après la fusion : son état a été gardé.",
    "no_mailbox": "{customer} n'a pas de boîte mail : rien n'a été envoyé. Rappelez le client.",
    "delete_grace": "Le ticket {number} sera détruit dans {hours} h s'il ne sort pas de Delete.",
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
    "number_not_digits": "{text!r} n'est pas un numéro de ticket : tapez uniquement des chiffres.",
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
}
