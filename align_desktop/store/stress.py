"""The `stress` sample: a large, deterministic portfolio generated from a seed.

It produces the same document format as the hand-written samples, so one loader builds both.
Business cases come from a second random stream, so that they leave the initiatives as they were:
every initiative gets a case, and the recipe's number of cost lines is spread over them (each
has at least a year-0 data engineering build-out), with amounts sized by category. The
capability catalogue and the needs come from a third stream, for the same reason: the recipe's
number of needs is spread over the initiatives, a few capabilities being needed far more often
than the rest, as platform building blocks are. Risks come from a fourth stream, and their links to
capabilities from a fifth, so that a recipe without capabilities gives the same risks without those
links.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from align_desktop.domain.capability import CAPABILITY_CATEGORIES, CAPABILITY_STATUSES
from align_desktop.domain.keys import (
    CAPABILITY_PREFIX,
    INITIATIVE_PREFIX,
    OUTCOME_PREFIX,
    RISK_PREFIX,
    format_key,
    key_sort_value,
)
from align_desktop.domain.risk import IMPACT_AREAS, RISK_CATEGORIES, RISK_STATUSES
from align_desktop.domain.vocabulary import DECISION_POINTS, DEFAULT_HORIZON, STATUSES

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
    settings: dict[str, Any] = recipe.get("settings", {})
    if "cost_lines" in recipe:
        _add_business_cases(initiatives, recipe, settings.get("horizon", DEFAULT_HORIZON))
    document: dict[str, Any] = {
        "name": recipe["name"],
        "description": recipe_document["description"],
        "lanes": lanes,
        "outcomes": outcomes,
    }
    if "capabilities" in recipe:
        document["capabilities"] = _add_capabilities(initiatives, recipe)
    document["initiatives"] = initiatives
    if "risks" in recipe:
        document["risks"] = _risks(initiatives, document.get("capabilities", []), recipe)
    return document | ({"settings": settings} if settings else {})


_BUILD = ("data engineering", "Data pipelines and feature build-out")
_LINES = (
    # category, description, low and high amount, recurring (years 1 … H) or one-off (year 0)
    ("model training", "Training runs and retraining", 10_000, 60_000, True),
    ("deployment", "Model serving", 10_000, 80_000, True),
    ("monitoring", "Drift and quality monitoring", 5_000, 25_000, True),
    ("incident response", "On-call and incident response", 3_000, 20_000, True),
    ("other", "Change management and training of users", 5_000, 50_000, False),
    ("data engineering", "Further data sources", 20_000, 120_000, False),
)
_RAMPS = ((0.25, 0.75, 1.0), (0.5, 1.0), (0.0, 0.5, 1.0), (0.1, 0.4, 0.8), (1.0,))


def _add_business_cases(initiatives: list[dict[str, Any]], recipe: dict[str, Any], horizon: int) -> None:
    """Give every initiative a business case; spread `recipe["cost_lines"]` lines over them."""
    rng = random.Random(f"{recipe['seed']}/business cases")
    counts = [1] * len(initiatives)
    for _ in range(recipe["cost_lines"] - len(initiatives)):
        counts[rng.randrange(len(initiatives))] += 1
    for item, count in zip(initiatives, counts, strict=True):
        build = _round(rng.uniform(50_000, 300_000))
        lines = [{"category": _BUILD[0], "description": _BUILD[1], "amounts": {"0": build}}]
        recurring = 0.0
        for n in range(2, count + 1):
            category, description, low, high, yearly = rng.choice(_LINES)
            amount = _round(rng.uniform(low, high))
            years = range(1, horizon + 1) if yearly else range(1)
            recurring += amount if yearly else 0
            lines.append(
                {
                    "category": category,
                    "description": f"{description} ({n})",
                    "amounts": {str(t): amount for t in years},
                }
            )
        ramp = rng.choice(_RAMPS)
        case: dict[str, Any] = {
            "adoption": {str(t): ramp[min(t, len(ramp)) - 1] for t in range(1, horizon + 1)},
            "cost_lines": lines,
        }
        # benefits from a third of the yearly cost (a clear loss) to several times it (a clear win)
        benefit = _round(rng.uniform(0.3, 4.0) * (recurring + build / horizon))
        if rng.random() < 0.2:
            uplift, margin = round(rng.uniform(0.002, 0.03), 4), round(rng.uniform(8, 40), 2)
            orders = max(1000.0, _round(benefit / uplift / margin))
            case["working"] = {"baseline": orders, "uplift": uplift, "value_per_unit": margin, "unit": "orders"}
        else:
            case["annual_benefit"] = benefit
        item["business_case"] = case


def _round(amount: float) -> float:
    """Amounts to the thousand, as people plan them."""
    return float(round(amount, -3))


_BLOCKS = {
    # category: what its capabilities are called, each followed by what they serve
    "data ingestion": ("Event stream", "Batch ingestion", "Change data capture"),
    "feature store": ("Feature set", "Online features", "Feature pipeline"),
    "training": ("Training pipeline", "GPU pool", "Hyperparameter search"),
    "model serving": ("Online serving", "Batch scoring", "Vector search"),
    "monitoring": ("Drift monitoring", "Data quality checks", "Model performance alerts"),
    "governance": ("Model registry", "Approval workflow", "Audit trail"),
    "experimentation": ("A/B testing", "Bandit allocation", "Holdout analysis"),
    "other": ("Labelling tool", "Synthetic data", "Notebook platform"),
}
_SLAS = ("p99 < 50 ms, 99.9 %", "ready by 05:00 CET, 99 %", "alert within 1 h", "99.5 % of runs succeed")


def _add_capabilities(initiatives: list[dict[str, Any]], recipe: dict[str, Any]) -> list[dict[str, Any]]:
    """The catalogue of `recipe["capabilities"]` items; spread `recipe["needs"]` needs over the initiatives."""
    rng = random.Random(f"{recipe['seed']}/capabilities")
    capabilities = []
    for n in range(1, recipe["capabilities"] + 1):
        category = rng.choice(CAPABILITY_CATEGORIES)
        current = rng.randint(1, 5)
        capabilities.append(
            {
                "key": format_key(CAPABILITY_PREFIX, n),
                "name": f"{rng.choice(_BLOCKS[category])} for {rng.choice(_OBJECTS)} #{n}",
                "category": category,
                "owner": f"{rng.choice(_TEAMS)} — {rng.choice(_PEOPLE)}",
                "sla_target": rng.choice(_SLAS),
                "performance_metric": "Availability and latency p99",
                "annual_run_cost": _round(rng.uniform(20_000, 400_000)),
                "cost_owner": rng.choice(_PEOPLE),
                "current_maturity": current,
                "target_maturity": rng.randint(current, 5),
                "status": rng.choice(CAPABILITY_STATUSES),
            }
        )
    keys = [item["key"] for item in capabilities]
    counts = [1] * len(initiatives)
    for _ in range(recipe["needs"] - len(initiatives)):
        counts[rng.randrange(len(initiatives))] += 1
    for item, count in zip(initiatives, counts, strict=True):
        chosen: set[int] = set()
        while len(chosen) < min(count, len(keys)):
            # squaring skews the draw towards the first capabilities: a few are needed everywhere
            chosen.add(int(len(keys) * rng.random() ** 2))
        item["needs"] = {keys[index]: rng.randint(1, 5) for index in sorted(chosen)}
    return capabilities


_THREATS = {
    # category: title, what happens ("if …") and what it costs ("then …"), each naming an object
    "model risk": (
        "Model for {} drifts",
        "shopper behaviour changes after a campaign and the {} model is not retrained",
        "its decisions go stale unnoticed for weeks",
    ),
    "data bias": (
        "Model for {} underserves some customers",
        "the {} model learns mostly from the largest market",
        "customers elsewhere get worse decisions and stop buying",
    ),
    "privacy": (
        "Personal data in {} used without consent",
        "features for {} are built from the data of customers who did not consent",
        "we breach GDPR and face a complaint to the data protection authority",
    ),
    "security": (
        "Customer data exposed through {}",
        "the tables behind {} stay readable by every analytics account",
        "a leaked credential exposes personal data of customers",
    ),
    "regulatory": (
        "New rules delay {}",
        "the EU AI Act or consumer law classes the {} model more strictly than we assume",
        "the launch waits for conformity work",
    ),
    "operational": (
        "No on-call cover for {}",
        "serving of the {} model fails on a weekend with no ML engineer on call",
        "the feature falls back to rules until Monday",
    ),
    "reputational": (
        "Odd decisions on {} shared online",
        "the {} model makes a decision that looks careless or unfair",
        "screenshots spread on social media",
    ),
}
_PLANS = {
    "mitigate": "Retrain monthly, alert on drift, review the decisions of a sample every week",
    "transfer": "Move the loss to the vendor or insurer by contract",
    "avoid": "Keep a person deciding until the model is proven",
    "accept": "Watch the trigger; no further action",
}
_FIRST_REVIEW = date(2026, 6, 1)
_REVIEW_DAYS = 395
"""Review dates from June 2026 to June 2027: some have passed when the sample is opened."""


def _risks(
    initiatives: list[dict[str, Any]], capabilities: list[dict[str, Any]], recipe: dict[str, Any]
) -> list[dict[str, Any]]:
    """`recipe["risks"]` risks, each threatening 0–5 initiatives and (with a catalogue) 0–2 capabilities."""
    rng = random.Random(f"{recipe['seed']}/risks")
    links = random.Random(f"{recipe['seed']}/risk capabilities")
    initiative_keys = [item["key"] for item in initiatives]
    capability_keys = [item["key"] for item in capabilities]
    risks = []
    for n in range(1, recipe["risks"] + 1):
        category = rng.choice(RISK_CATEGORIES)
        title, cause, effect = _THREATS[category]
        thing = rng.choice(_OBJECTS)
        likelihood, impact = rng.randint(1, 5), rng.randint(1, 5)
        status = rng.choice(RISK_STATUSES)
        treatment = "accept" if status == "accepted" else rng.choice(("mitigate", "mitigate", "transfer", "avoid"))
        review = _FIRST_REVIEW + timedelta(days=rng.randrange(_REVIEW_DAYS))
        risk: dict[str, Any] = {
            "key": format_key(RISK_PREFIX, n),
            "title": f"{title.format(thing)} #{n}",
            "description": f"If {cause.format(thing)}, then {effect}.",
            "category": category,
            "impact_area": rng.choice(IMPACT_AREAS),
            "likelihood": likelihood,
            "impact": impact,
            "residual_likelihood": rng.randint(1, likelihood),
            "residual_impact": rng.randint(max(1, impact - 1), impact),
            "treatment": treatment,
            "mitigation_plan": _PLANS[treatment],
            "trigger": f"Complaints or alerts about {thing} above last quarter's level",
            "owner": rng.choice(_PEOPLE),
            "status": status,
            "review_date": review.isoformat(),
            "initiatives": sorted(
                rng.sample(initiative_keys, min(rng.randint(0, 5), len(initiative_keys))), key=key_sort_value
            ),
        }
        if treatment == "accept":
            risk["acceptance_rationale"] = "Cheaper to carry than to treat; the owner watches the trigger"
            risk["acceptance_expiry"] = (review + timedelta(days=180)).isoformat()
        if capability_keys:
            risk["capabilities"] = sorted(
                links.sample(capability_keys, min(links.randint(0, 2), len(capability_keys))), key=key_sort_value
            )
        risks.append(risk)
    return risks
