"""The `stress` sample: a large, deterministic portfolio generated from a seed.

It produces the same document format as the hand-written samples, so one loader builds both.
"""

from __future__ import annotations

import random
from typing import Any

from align_desktop.domain.keys import INITIATIVE_PREFIX, OUTCOME_PREFIX, format_key
from align_desktop.domain.vocabulary import DECISION_POINTS, STATUSES

_VERBS = ("Predict", "Personalise", "Detect", "Rank", "Forecast", "Classify", "Optimise", "Score")
_OBJECTS = (
    "basket value",
    "delivery delay",
    "card fraud",
    "search results",
    "store demand",
    "support tickets",
    "warehouse stock",
    "customer churn",
    "return risk",
    "price elasticity",
    "email send time",
    "product images",
    "review sentiment",
    "supplier lead time",
)
_METRICS = (
    ("Conversion rate", "%", 2.1, 2.6),
    ("Churn rate", "%", 8.0, 6.5),
    ("Fraud losses", "EUR m", 4.2, 3.0),
    ("Stock-outs", "%", 5.5, 3.5),
    ("Average order value", "EUR", 54.0, 58.0),
)
_TEAMS = ("Growth", "Checkout", "Supply chain", "Risk", "Customer care", "Marketing", "Platform")
_PEOPLE = ("A. Rossi", "B. Okafor", "C. Nguyen", "D. Schmidt", "E. Haddad", "F. Larsen")


def generate(recipe_document: dict[str, Any]) -> dict[str, Any]:
    """Expand a `{"generator": {...}}` recipe into a full sample document."""
    recipe = recipe_document["generator"]
    rng = random.Random(recipe["seed"])
    lanes: list[str] = recipe["lanes"]
    outcomes = []
    for n in range(1, recipe["outcomes"] + 1):
        metric, unit, baseline, target = _METRICS[n % len(_METRICS)]
        outcomes.append(
            {
                "key": format_key(OUTCOME_PREFIX, n),
                "name": f"{metric} programme {n}",
                "metric": metric,
                "baseline": baseline,
                "target": target,
                "unit": unit,
                "owner": rng.choice(_PEOPLE),
            }
        )
    initiatives = []
    for n in range(1, recipe["initiatives"] + 1):
        initiatives.append(
            {
                "key": format_key(INITIATIVE_PREFIX, n),
                "title": f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} #{n}",
                "outcome": outcomes[rng.randrange(len(outcomes))]["key"],
                "decision_point": rng.choice(DECISION_POINTS),
                "lane": rng.choice(lanes),
                "status": rng.choice(STATUSES[:4]),
                "team": rng.choice(_TEAMS),
                "owner": rng.choice(_PEOPLE),
                "readiness": {k: rng.randint(0, 4) for k in ("data", "model_risk", "monitoring", "compliance")},
                "confidence": rng.randrange(20, 95, 5),
            }
        )
    return {
        "name": recipe["name"],
        "description": recipe_document["description"],
        "lanes": lanes,
        "outcomes": outcomes,
        "initiatives": initiatives,
    }
