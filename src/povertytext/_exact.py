"""Exact decimal arithmetic, whatever the caller's decimal context.

A bottom module: it imports only :mod:`decimal`, so that :mod:`povertytext.models`
and :mod:`povertytext.numerals` can both use it.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal

__all__ = ["exact_context"]


def exact_context(*values: Decimal) -> Context:
    """A context in which sums and products of ``values`` are exact, whatever the caller's.

    >>> exact_context(Decimal("3000"), Decimal("1000")).add(Decimal("3000"), Decimal("1000"))
    Decimal('4000')
    """
    finite = [value for value in values if value.is_finite()]
    digits = sum(len(value.as_tuple().digits) for value in finite)
    exponents = [int(value.as_tuple().exponent) for value in finite]
    spread = max((value.adjusted() for value in finite), default=0) - min(exponents, default=0)
    return Context(prec=max(digits + spread + 2, 28), Emax=MAX_EMAX, Emin=MIN_EMIN)
