"""What the procedure says to a technician, in French and English.

A `Sentence` is a plain `str` (the English text, so logs, tests and the command line keep
working) that also remembers its key and values, so the UI and the CLI can show it in the
configured language. State words inside a sentence are translated too.
"""

from __future__ import annotations

from typing import Any

STATES_FR = {
    "new": "nouveau",
    "open": "ouvert",
    "pending reminder": "en attente (rappel)",
    "closed successful": "fermé avec succès",
    "closed unsuccessful": "fermé sans succès",
    "merged": "fusionné",
    "removed": "supprimé",
}

TEXTS: dict[str, tuple[str, str]] = {  # key -> (French, English)
    "no_ticket": ("Il n'y a pas de ticket {number}.", "There is no ticket {number}."),
    "conflict": (
        "Le ticket {number} a été modifié par quelqu'un d'autre entre-temps : "
        "rechargez-le et recommencez.",
        "Ticket {number} was changed by someone else meanwhile: reload it and try again.",
    ),
    "merged_away": (
        "Le ticket {number} a été fusionné dans {target} : travaillez sur {target}, "
        "ou défusionnez-le d'abord.",
        "Ticket {number} was merged into {target}: work on {target}, or unmerge it first.",
    ),
    "removed": ("Le ticket {number} a été supprimé.", "Ticket {number} was removed."),
    "no_technician": (
        "Aucun technicien ne s'appelle {name!r} (connus : {known}).",
        "No technician is called {name!r} (known: {known}).",
    ),
    "no_queue": (
        "Il n'y a pas de file {name!r} (files actives : {known}).",
        "There is no queue {name!r} (active queues: {known}).",
    ),
    "obsolete_queue": (
        "La file {name!r} est obsolète : elle n'accepte ni nouveau ticket ni déplacement.",
        "Queue {name!r} is obsolete: it accepts no new or moved ticket.",
    ),
    "no_subject": (
        "Donnez un objet au ticket : de quoi parle l'appel ?",
        "Give the ticket a subject: what is the call about?",
    ),
    "owner_needed": (
        "L'intervention n'est pas terminée : choisissez le propriétaire qui poursuit, "
        "ou indiquez-la terminée pour fermer le ticket maintenant.",
        "The intervention is not finished: choose an owner who will carry on, or mark it "
        "finished to close the ticket now.",
    ),
    "already_state": (
        "Le ticket {number} est déjà {state}.",
        "Ticket {number} is already {state}.",
    ),
    "nothing_to_reopen": (
        "Le ticket {number} est {state}, ni fermé ni en attente : rien à rouvrir.",
        "Ticket {number} is {state}, not closed or pending: there is nothing to reopen.",
    ),
    "days_range": ("Rappel dans 1 à 365 jours.", "Remind in 1 to 365 days."),
    "empty_note": ("La note est vide.", "The note is empty."),
    "empty_message": ("Le message est vide.", "The message is empty."),
    "already_owner": (
        "{name} est déjà propriétaire du ticket {number}.",
        "{name} already owns ticket {number}.",
    ),
    "same_level": (
        "{name} est au niveau {level}, comme {current} : choisissez un technicien "
        "d'un autre niveau.",
        "{name} is at level {level}, like {current}: choose a technician of another level.",
    ),
    "already_in_queue": (
        "Le ticket {number} est déjà dans {queue}.",
        "Ticket {number} is already in {queue}.",
    ),
    "customer_missing": (
        "Saisissez l'adresse e-mail ou le numéro de téléphone du client.",
        "Enter the customer's e-mail address or phone number.",
    ),
    "customer_neither": (
        "{text!r} n'est ni une adresse e-mail ni un numéro de téléphone (ex. 01 23 45 67 89).",
        "{text!r} is neither an e-mail address nor a phone number (e.g. 01 23 45 67 89).",
    ),
    "customer_bad_email": (
        "{text!r} n'est pas une adresse e-mail valide : {why}",
        "{text!r} is not a valid e-mail address: {why}",
    ),
    "merge_self": (
        "Un ticket ne peut pas être fusionné dans lui-même : choisissez une autre cible.",
        "A ticket cannot be merged into itself: choose another target.",
    ),
    "not_merged": (
        "Le ticket {number} est {state}, pas fusionné : rien à défusionner.",
        "Ticket {number} is {state}, not merged: nothing to unmerge.",
    ),
    "no_merge_record": (
        "Le ticket {number} n'a pas de trace de sa fusion : elle ne peut pas être annulée.",
        "Ticket {number} has no record of its merge; it cannot be undone.",
    ),
    "target_merged": (
        "Le ticket {number} a lui-même été fusionné depuis : défusionnez-le d'abord.",
        "Ticket {number} was itself merged since: unmerge it first.",
    ),
    "target_changed": (
        "Le ticket {number} a changé après la fusion : son état a été gardé.",
        "Ticket {number} changed after the merge; its state was kept.",
    ),
    "no_mailbox": (
        "{customer} n'a pas de boîte mail : rien n'a été envoyé. Rappelez le client.",
        "{customer} has no mailbox: nothing was mailed. Call the customer back.",
    ),
    "delete_grace": (
        "Le ticket {number} sera détruit dans {hours} h s'il ne sort pas de Delete.",
        "Ticket {number} will be destroyed in {hours} h unless moved out of Delete.",
    ),
}


class Sentence(str):
    """English text that can be rendered again in another language."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Sentence:
        text = super().__new__(cls, TEXTS[key][1].format(**values))
        text.key, text.values = key, values
        return text

    def in_language(self, language: str) -> str:
        if language != "fr":
            return TEXTS[self.key][1].format(**self.values)
        values = {k: STATES_FR.get(v, v) if k == "state" else v for k, v in self.values.items()}
        return TEXTS[self.key][0].format(**values)


def localized(text: object, language: str) -> str:
    """`text` in `language` when it is a Sentence (or an error carrying one), else as it is."""
    if isinstance(text, BaseException) and text.args:
        text = text.args[0]
    if isinstance(text, Sentence):
        return text.in_language(language)
    return str(text)
