"""Check constraints evaluated in memory, for validating many rows without a query each.

Django's ``CheckConstraint.validate`` asks the database (``SELECT 1 WHERE …``), one query per
constraint per instance. The catalogue's conditions are plain comparisons, so they are
evaluated here with SQL's rules (NULL makes a comparison unknown, and an unknown result
passes, as Django's ``Coalesce(condition, True)``). Anything else falls back to Django.
"""

import operator

from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import CheckConstraint, F, Q
from django.db.models.constants import LOOKUP_SEP

COMPARISONS = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
    "in": lambda value, choices: value in choices,
}


class UnsupportedConditionError(Exception):
    """The condition uses something this evaluator does not know; ask the database."""


def validate_constraints(instance, exclude=None) -> None:
    """Model.validate_constraints, with check constraints evaluated in memory where possible."""
    exclude = set(exclude or ())
    errors: dict = {}
    using = router.db_for_write(type(instance), instance=instance)
    for model_class, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                if not _passes(constraint, instance, exclude):
                    raise ValidationError(
                        constraint.get_violation_error_message(), code=constraint.violation_error_code
                    )
            except UnsupportedConditionError:
                try:
                    constraint.validate(model_class, instance, exclude=exclude, using=using)
                except ValidationError as error:
                    errors = error.update_error_dict(errors)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _passes(constraint, instance, exclude: set[str]) -> bool:
    if not isinstance(constraint, CheckConstraint) or not isinstance(constraint.condition, Q):
        raise UnsupportedConditionError
    # Foreign keys compare by their ids, as in SQL.
    names = {field.name: field.attname for field in instance._meta.concrete_fields}
    names |= {attname: attname for attname in names.values()}
    if _referenced(constraint.condition) & exclude:
        return True  # as Django: a constraint on a field that failed validation is not checked
    return _holds(constraint.condition, instance, names) is not False


def _referenced(condition: Q) -> set[str]:
    names = set()
    for child in condition.children:
        if isinstance(child, Q):
            names |= _referenced(child)
        elif isinstance(child, tuple):
            lookup, value = child
            names.add(lookup.split(LOOKUP_SEP)[0])
            if isinstance(value, F):
                names.add(value.name)
    return names


def _holds(condition: Q, instance, names: dict[str, str]) -> bool | None:
    """The condition's truth value: True, False or None (unknown, as SQL's NULL)."""
    results = [
        _holds(child, instance, names) if isinstance(child, Q) else _compare(child, instance, names)
        for child in condition.children
    ]
    if condition.connector == Q.AND:
        result = False if False in results else None if None in results else True
    else:
        result = True if True in results else None if None in results else False
    if condition.negated and result is not None:
        return not result
    return result


def _compare(child, instance, names: dict[str, str]) -> bool | None:
    if not isinstance(child, tuple):
        raise UnsupportedConditionError  # an expression such as Exists()
    lookup, expected = child
    field_name, _sep, lookup_name = lookup.partition(LOOKUP_SEP)
    lookup_name = lookup_name or "exact"
    if field_name not in names or (lookup_name not in COMPARISONS and lookup_name != "isnull"):
        raise UnsupportedConditionError
    actual = getattr(instance, names[field_name])
    if isinstance(expected, F):
        if expected.name not in names:
            raise UnsupportedConditionError
        expected = getattr(instance, names[expected.name])
    elif hasattr(expected, "resolve_expression"):
        raise UnsupportedConditionError
    if lookup_name == "isnull":
        return (actual is None) == bool(expected)
    if lookup_name == "exact" and expected is None:
        return actual is None  # Django turns `field=None` into IS NULL
    if actual is None or expected is None:
        return None
    return COMPARISONS[lookup_name](actual, expected)
