"""Stop words: the function words every text analysis here passes over, and each one's extras.

One list, so that alignment and quote clustering agree on what "the", "said" or "which" are;
each adds the words that matter to it alone.
"""

from __future__ import annotations

# English function words: they match everywhere and carry no meaning of their own.
FUNCTION_WORDS = frozenset(
    """
    a about all also an and any are as at be been being but by can could did do does down for
    from had has have he her him his how i if in into is it its just me more most my no not of
    on only or other our out over own same she should so some such than that the their them then
    there these they this those to too up very was we were what when where which who whom why
    will with would you your
    """.split()
)

# Alignment: news boilerplate words too ("said", "Mr", "year") never make an anchor.
ALIGNMENT_STOPWORDS = FUNCTION_WORDS | frozenset(
    """
    above after again am before below between both doing during each few further having here
    hers itself mr mrs ms new nor now off once one said says through told two under until while
    year years
    """.split()
)

# Quote clustering: modal verbs, and French articles of translated quotations.
QUOTE_STOPWORDS = FUNCTION_WORDS | frozenset(
    """
    de des du et la le les may might must per shall un une us
    """.split()
)
