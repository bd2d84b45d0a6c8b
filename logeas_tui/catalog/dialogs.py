"""Texts of the dialogs, phone intake, compose and help: key -> (French, English).

Every key starts with `dlg.` so it can never collide with the main screen's catalog. Values
are plain text (never markup); `{name}` fields are filled by `i18n.t`."""

TEXTS: dict[str, tuple[str, str]] = {
    # Generic dialogs
    "dlg.yes": ("Oui", "Yes"),
    "dlg.no": ("Non", "No"),
    "dlg.confirm_hint": ("y ou Entrée : oui · n ou Échap : non", "y or Enter: yes · n or Esc: no"),
    "dlg.days_label": ("Rappel dans (jours) :", "Remind in (days):"),
    "dlg.days_hint": ("Entrée : valider · Échap : annuler", "Enter: confirm · Esc: cancel"),
    "dlg.days_missing": ("Indiquez un nombre de jours.", "Type a number of days."),
    # Ticket fields in dialogs
    "dlg.field.number": ("Numéro", "Number"),
    "dlg.field.state": ("État", "State"),
    "dlg.field.customer": ("Client", "Customer"),
    "dlg.field.subject": ("Objet", "Subject"),
    "dlg.field.queue": ("File", "Queue"),
    # Results of the actions
    "dlg.flow.unknown": ("Action inconnue : {action}.", "Unknown action: {action}."),
    "dlg.done.merge": (
        "Ticket {source} fusionné dans {number}, qui est ouvert.",
        "Ticket {source} merged into {number}, which is open.",
    ),
    "dlg.done.unmerge": (
        "Ticket {number} défusionné : ses messages et son état sont revenus.",
        "Ticket {number} unmerged: its messages and state are back.",
    ),
    "dlg.done.reply": (
        "Réponse au ticket {number} mise en boîte d'envoi ; ticket fermé.",
        "Reply to ticket {number} queued for sending; ticket closed.",
    ),
    "dlg.done.canned": (
        "Réponse type envoyée pour le ticket {number} ; ticket fermé.",
        "Canned answer queued for ticket {number}; ticket closed.",
    ),
    "dlg.done.doc": (
        "Référence de documentation envoyée pour le ticket {number} ; ticket fermé.",
        "Documentation reference queued for ticket {number}; ticket closed.",
    ),
    "dlg.done.ask": (
        "Demande d'informations envoyée pour le ticket {number}.",
        "Request for information queued for ticket {number}.",
    ),
    "dlg.done.pending": (
        "Ticket {number} en attente avec rappel.",
        "Ticket {number} is pending with a reminder.",
    ),
    "dlg.done.transfer": (
        "Ticket {number} transféré ; son état est inchangé.",
        "Ticket {number} transferred; its state is unchanged.",
    ),
    "dlg.done.move": (
        "Ticket {number} déplacé ; son état est inchangé.",
        "Ticket {number} moved; its state is unchanged.",
    ),
    "dlg.done.close": ("Ticket {number} fermé.", "Ticket {number} closed."),
    "dlg.done.close_unsuccessful": (
        "Ticket {number} fermé (sans succès).",
        "Ticket {number} closed (unsuccessful).",
    ),
    "dlg.done.reopen": ("Ticket {number} rouvert.", "Ticket {number} reopened."),
    "dlg.done.note": (
        "Note interne ajoutée au ticket {number}.",
        "Internal note added to ticket {number}.",
    ),
    "dlg.done.take": ("Vous êtes propriétaire du ticket {number}.", "You now own ticket {number}."),
    # Merge
    "dlg.merge.title": ("Fusionner le ticket {number} dans…", "Merge ticket {number} into…"),
    "dlg.merge.placeholder": ("numéro du ticket existant", "number of the existing ticket"),
    "dlg.merge.type_number": (
        "Tapez le numéro (16 chiffres) du ticket existant.",
        "Type the number (16 digits) of the existing ticket.",
    ),
    "dlg.merge.digits": ("{count}/{total} chiffres", "{count}/{total} digits"),
    "dlg.merge.no_such": ("Il n'y a pas de ticket {number}.", "There is no ticket {number}."),
    "dlg.merge.ready": (
        "Vérifiez les deux tickets, puis Entrée pour fusionner.",
        "Check both tickets, then press Enter to merge.",
    ),
    "dlg.merge.duplicate": ("Doublon (ce ticket)", "Duplicate (this ticket)"),
    "dlg.merge.target": ("Ticket existant (reste ouvert)", "Existing ticket (stays open)"),
    "dlg.merge.target_empty": (
        "Le ticket existant s'affichera ici.",
        "The existing ticket will show here.",
    ),
    "dlg.merge.hint": (
        "Entrée : fusionner · Échap : annuler · la fusion peut être annulée (u)",
        "Enter: merge · Esc: cancel · a merge can be undone (u)",
    ),
    "dlg.unmerge.question": (
        "Sortir le ticket {number} de {target} et rétablir les deux ?",
        "Take ticket {number} out of {target} and restore both?",
    ),
    # Compose and review
    "dlg.compose.to": ("À :", "To:"),
    "dlg.compose.review": ("Relire (ctrl+s)", "Review (ctrl+s)"),
    "dlg.compose.save": ("Enregistrer (ctrl+s)", "Save (ctrl+s)"),
    "dlg.compose.external": ("$EDITOR (ctrl+e)", "$EDITOR (ctrl+e)"),
    "dlg.compose.cancel": ("Annuler (Échap)", "Cancel (Esc)"),
    "dlg.compose.hint_review": (
        "ctrl+s : relire avant d'envoyer · ctrl+e (ou e hors du texte) : écrire dans $EDITOR "
        "· Tab : boutons · Échap : annuler",
        "ctrl+s: review before sending · ctrl+e (or e outside the text): write in $EDITOR "
        "· Tab: buttons · Esc: cancel",
    ),
    "dlg.compose.hint_save": (
        "ctrl+s : enregistrer · ctrl+e (ou e hors du texte) : écrire dans $EDITOR "
        "· Échap : annuler",
        "ctrl+s: save · ctrl+e (or e outside the text): write in $EDITOR · Esc: cancel",
    ),
    "dlg.compose.discard": ("Abandonner ce texte ?", "Discard this text?"),
    "dlg.compose.no_suspend": (
        "Impossible d'ouvrir $EDITOR ici : le terminal ne peut pas être suspendu.",
        "Cannot open $EDITOR here: the terminal cannot be suspended.",
    ),
    "dlg.compose.editor_missing": (
        "Impossible de lancer l'éditeur {editor} : {error}",
        "Could not start the editor {editor}: {error}",
    ),
    "dlg.compose.editor_failed": (
        "L'éditeur {editor} a échoué (code {code}) : le texte n'a pas changé.",
        "The editor {editor} failed (exit code {code}): the text is unchanged.",
    ),
    "dlg.review.title": ("Relecture — {title}", "Review — {title}"),
    "dlg.review.send": ("Envoyer", "Send"),
    "dlg.review.edit": ("Modifier", "Edit"),
    "dlg.review.cancel": ("Annuler", "Cancel"),
    "dlg.review.hint": (
        "s ou Entrée : envoyer · e : modifier · c ou Échap : annuler",
        "s or Enter: send · e: edit · c or Esc: cancel",
    ),
    "dlg.reply.title": ("Réponse au ticket {number}", "Reply to ticket {number}"),
    "dlg.reply.send": ("Envoyer et fermer", "Send and close"),
    "dlg.note.title": ("Note interne sur le ticket {number}", "Internal note on ticket {number}"),
    # Canned answers and documentation
    "dlg.canned.title": (
        "Réponse type pour le ticket {number}",
        "Canned answer for ticket {number}",
    ),
    "dlg.canned.hint": (
        "↑↓ : choisir (aperçu à droite) · Entrée : envoyer et fermer · Échap : annuler",
        "↑↓: choose (preview on the right) · Enter: send and close · Esc: cancel",
    ),
    "dlg.canned.empty": (
        "Aucune réponse type (dossier data/canned).",
        "No canned answer (folder data/canned).",
    ),
    "dlg.doc.title": (
        "Référence de documentation pour le ticket {number}",
        "Documentation reference for ticket {number}",
    ),
    "dlg.doc.hint": (
        "↑↓ : choisir (aperçu à droite) · Entrée : envoyer et fermer · Échap : annuler",
        "↑↓: choose (preview on the right) · Enter: send and close · Esc: cancel",
    ),
    "dlg.doc.empty": (
        "Aucune référence (fichier data/docs.toml).",
        "No reference (file data/docs.toml).",
    ),
    # Ask for information
    "dlg.ask.compose_title": (
        "Demande d'informations — ticket {number}",
        "Ask for information — ticket {number}",
    ),
    "dlg.ask.send": ("Continuer", "Continue"),
    "dlg.ask.title": (
        "Après l'envoi de la demande, le ticket est :",
        "After sending the request, the ticket is:",
    ),
    "dlg.ask.close": (
        "fermé — la réponse du client le rouvrira",
        "closed — the customer's reply reopens it",
    ),
    "dlg.ask.pending": (
        "en attente — rappel dans le nombre de jours ci-dessous",
        "pending — remind me in the number of days below",
    ),
    "dlg.ask.hint": (
        "↑↓ puis Entrée : choisir · Tab : jours · Échap : revenir au texte",
        "↑↓ then Enter: choose · Tab: days · Esc: back to the text",
    ),
    # Pending, transfer, move, close
    "dlg.pending.title": ("Mettre le ticket {number} en attente", "Put ticket {number} on pending"),
    "dlg.transfer.title": (
        "Transférer le ticket {number} à un autre niveau",
        "Transfer ticket {number} to another support level",
    ),
    "dlg.transfer.current": (
        "Actuellement : {name} (niveau {level})",
        "Now: {name} (level {level})",
    ),
    "dlg.transfer.hint": (
        "Entrée : transférer (l'état reste le même) · Échap : annuler",
        "Enter: transfer (the state stays as it is) · Esc: cancel",
    ),
    "dlg.transfer.empty": (
        "Aucun technicien d'un autre niveau.",
        "No technician of another level.",
    ),
    "dlg.move.title": (
        "Déplacer le ticket {number} vers la file…",
        "Move ticket {number} to queue…",
    ),
    "dlg.move.current": (
        "File actuelle : {queue} (seules les files actives sont proposées)",
        "Current queue: {queue} (only active queues are offered)",
    ),
    "dlg.move.hint": (
        "Entrée : déplacer (l'état reste le même) · Échap : annuler",
        "Enter: move (the state stays as it is) · Esc: cancel",
    ),
    "dlg.move.empty": ("Aucune autre file active.", "No other active queue."),
    "dlg.close.question": (
        "Fermer le ticket {number} (résolu) ?",
        "Close ticket {number} (successful)?",
    ),
    "dlg.close_unsuccessful.question": (
        "Fermer le ticket {number} sans succès ?",
        "Close ticket {number} as unsuccessful?",
    ),
    # Phone intake
    "dlg.phone.title": ("Nouveau ticket téléphonique", "New phone ticket"),
    "dlg.phone.customer": ("Client (e-mail ou tél.)", "Customer (e-mail/phone)"),
    "dlg.phone.customer_placeholder": (
        "adresse e-mail ou numéro de téléphone",
        "e-mail address or phone number",
    ),
    "dlg.phone.customer_hint": (
        "Sans e-mail, tapez le téléphone : il devient <chiffres>@{domain}",
        "No e-mail? Type the phone number: it becomes <digits>@{domain}",
    ),
    "dlg.phone.hint_email": ("adresse e-mail", "e-mail address"),
    "dlg.phone.hint_neither": (
        "ni une adresse e-mail ni un numéro de téléphone (pour l'instant)",
        "neither an e-mail address nor a phone number (yet)",
    ),
    "dlg.phone.name": ("Nom", "Name"),
    "dlg.phone.name_placeholder": ("nom du client (facultatif)", "customer's name (optional)"),
    "dlg.phone.queue": ("File", "Queue"),
    "dlg.phone.subject": ("Objet", "Subject"),
    "dlg.phone.subject_placeholder": ("de quoi parle l'appel ?", "what is the call about?"),
    "dlg.phone.body": ("Fait / reste à faire", "Done / still to do"),
    "dlg.phone.body_placeholder": (
        "ce qui a été fait, ce qui reste à faire",
        "what was done, what remains",
    ),
    "dlg.phone.finished": (
        "Intervention terminée → fermer le ticket maintenant",
        "Intervention finished → close the ticket now",
    ),
    "dlg.phone.owner": ("Propriétaire", "Owner"),
    "dlg.phone.level": ("niveau {level}", "level {level}"),
    "dlg.phone.nobody": ("(personne)", "(nobody)"),
    "dlg.phone.hint": (
        "ctrl+s : enregistrer · Tab / Entrée : champ suivant · Échap : annuler · "
        "propriétaire obligatoire si l'intervention n'est pas terminée",
        "ctrl+s: save · Tab / Enter: next field · Esc: cancel · "
        "an owner is required unless the intervention is finished",
    ),
    "dlg.phone.saved": (
        "Ticket créé — donnez ce numéro au client :",
        "Ticket created — give the customer this number:",
    ),
    "dlg.phone.saved_closed": (
        "Intervention terminée : le ticket est fermé.",
        "Intervention finished: the ticket is closed.",
    ),
    "dlg.phone.saved_open": (
        "Le ticket est ouvert ; propriétaire : {owner}.",
        "The ticket is open; owner: {owner}.",
    ),
    "dlg.phone.done_hint": (
        "y : copier le numéro · Entrée ou Échap : fermer",
        "y: copy the number · Enter or Esc: close",
    ),
    "dlg.phone.copied": ("Numéro {number} copié.", "Number {number} copied."),
    "dlg.phone.discard": (
        "Abandonner ce ticket téléphonique ? Ce qui a été tapé sera perdu.",
        "Discard this phone ticket? What was typed will be lost.",
    ),
    # Help
    "dlg.help.title": ("Touches", "Keys"),
    "dlg.help.navigation": ("Navigation", "Navigation"),
    "dlg.help.actions": ("Actions sur le ticket", "Ticket actions"),
    "dlg.help.other": ("Autres", "Other"),
    "dlg.help.hint": ("Échap ou ? : fermer", "Esc or ?: close"),
}
