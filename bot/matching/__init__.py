"""Reading a question: which phone, which variant, where it is used, where it comes from, which
carrier, and what is asked.

One job per module:

- `tokens`: a question as tokens with their spans, the noise of long posts blanked out;
- `everyday`: everyday words and the question's language, from word-frequency data;
- `cues`: the words whose meaning is this product's judgement (model words, cue words);
- `lexicon`: every name the bot knows (phones, makers, carriers, CLDR country names, model numbers);
- `mentions`: the candidate mentions of those names in a question, typos tolerated;
- `models`: model numbers in any spacing and case;
- `devices`: which phone, or which phones to offer;
- `places`: the country of use, the origin and the carrier, by their roles;
- `intent`: what is asked;
- `reading`: the whole reading, and follow-ups;
- `complete`: autocomplete over the same lexicon.
"""

from .devices import Suggestion
from .reading import Analysis, Index
from .tokens import MAX_QUESTION_CHARS, Token, is_shouting, tokenize

__all__ = ["MAX_QUESTION_CHARS", "Analysis", "Index", "Suggestion", "Token", "is_shouting", "tokenize"]
