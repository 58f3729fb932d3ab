"""Short news-style passages written for these tests, with the hard cases: elision, accents,
NFD, emoji, mixed scripts, odd white space."""

from __future__ import annotations

import unicodedata

FRENCH = (
    "Selon une plainte déposée aux États-Unis, Meta aurait donné à Netflix l’accès aux "
    "messages privés de ses abonnés. L’Union européenne suit le dossier depuis Paris.\n"
    "« C’est faux », a répondu Meta Platforms jeudi. M. Dupré, avocat d’Amazon, n’a pas commenté."
)

ITALIAN = (
    "La sanzione dell’Unione europea contro Meta ha raggiunto la sua meta. "
    "Secondo la denuncia, NETFLIX avrebbe letto i messaggi privati degli utenti. "
    "A Roma si parla anche dell’Amazzonia e di Amazon."
)

ENGLISH = (
    "The European Union fined Meta on Tuesday. Meta’s lawyers said Netflix never read "
    "private messages. Microsoft and Google declined to comment from Rome."
)

HOSTILE = [
    # Emoji before and inside names, a ZWJ family, flags.
    "😀 Meta 👨‍👩‍👧 et Netflix 🇫🇷🇮🇹 : l’Union européenne réagit. 😀 Smile!",
    # NFD accents: the surface keeps its combining marks.
    unicodedata.normalize("NFD", "L’Union européenne et les États-Unis ; Émilie Dupré à München."),
    # Mixed scripts.
    "Владимир Путин a rencontré les dirigeants de 中国 et de la France à Paris.",
    # Elision with straight and curly apostrophes, ligatures, accents dropped.
    "La decisione dell'Unione europea arriva dopo quella dell’Italia, e la Commissione non ha "
    "ancora risposto alle domande dei giornalisti. "
    "Pour la France, l'Union europeenne doit agir vite et sans attendre les autres pays de la zone. "
    "Le roman COEUR DE LION ; Coeur de Lion.",
    # No-break spaces, tabs, CRLF line ends, a name broken across a line.
    "Meta\u00a0Platforms a payé.\r\nL’Union\r\neuropéenne\tet\u202fNetflix.\r\n",
    # Astral characters everywhere, and a name right after them.
    "𝒜𝓂𝒶𝓏𝑜𝓃 n’est pas Amazon ; 𝕄𝕖𝕥𝕒 non plus, mais Meta oui.",
    # Words that must not match.
    "Metaverse, pic.twitter.com, Xbox, amazonien, la meta del viaggio.",
    # Empty, blank and punctuation-only texts.
    "",
    "   \n\t ",
    "?!…« » — ;",
    # Stemmed names in French and Italian.
    "Les messages privés des utenti. I messaggi privati degli abbonati di Netflix.",
]

ALL = [FRENCH, ITALIAN, ENGLISH, *HOSTILE]
