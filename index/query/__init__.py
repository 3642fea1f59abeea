"""What the user typed → a query plan: parse, plan, the index's vocabulary, suggestions.

`plan_query` says what must match, what ranks higher, and what the highlighter marks.
"""

from index.query.patterns import Pattern, Step
from index.query.plan import QueryPlan, plan_query
from index.query.suggest import did_you_mean, typed_without_input_method, variants_of
from index.query.vocabulary import Vocabulary

__all__ = [
    "Pattern",
    "QueryPlan",
    "Step",
    "Vocabulary",
    "did_you_mean",
    "plan_query",
    "typed_without_input_method",
    "variants_of",
]
