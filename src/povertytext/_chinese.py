"""Values written back as Chinese numerals: :meth:`povertytext.Quantity.to_chinese`.

The integer part is written by cn2an (its ``low`` and ``up`` forms: 四十亿四千八百万,
肆拾亿肆仟捌佰万; its ``rmb`` form for yuan: 肆拾元肆角捌分), the decimal part digit
by digit here, so that no digit of a ``Decimal`` is lost: cn2an keeps 16 decimal
digits at most, and its yuan form rounds to the fen.

>>> from decimal import Decimal
>>> chinese_numeral(Decimal("4048000000")), chinese_numeral(Decimal("-0.05"), financial=True)
('四十亿四千八百万', '负零点零伍')
>>> chinese_yuan(Decimal("20.05")), chinese_yuan(Decimal("1.2E+8")), chinese_yuan(Decimal("0.125"))
('贰拾元零伍分', '壹亿贰仟万元整', '零点壹贰伍元')
"""

from __future__ import annotations

from decimal import Decimal

from .errors import QuantityError

__all__ = ["MAX_DIGITS", "chinese_numeral", "chinese_yuan"]

MAX_DIGITS = 16
"""Digits of the integer part that cn2an writes (up to 千万亿, 10**16 - 1)."""

_DIGITS = {False: "零一二三四五六七八九", True: "零壹贰叁肆伍陆柒捌玖"}
_FEN_PLACES = 2  # 角 and 分: decimals the yuan form writes exactly


def _parts(value: Decimal) -> tuple[str, str, str]:
    """Return the sign (负 or nothing), integer digits and decimal digits of ``value``.

    Raises:
        QuantityError: when the integer part has more than :data:`MAX_DIGITS` digits,
            or ``value`` is not finite.
    """
    if not value.is_finite():
        raise QuantityError(f"{value} has no Chinese numeral")
    integer, _, fraction = format(abs(value), "f").partition(".")
    if len(integer) > MAX_DIGITS:
        raise QuantityError(
            f"{format(value, 'f')} has more than {MAX_DIGITS} integer digits; "
            "Chinese numerals are written up to 千万亿 (10**16 - 1)"
        )
    return ("负" if value < 0 else ""), integer, fraction.rstrip("0")


def chinese_numeral(value: Decimal, *, financial: bool = False) -> str:
    """Return ``value`` in Chinese numerals: common (一千二百) or financial (壹仟贰佰).

    Raises:
        QuantityError: as :func:`_parts`.
    """
    import cn2an

    sign, integer, fraction = _parts(value)
    head = str(cn2an.an2cn(integer, "up" if financial else "low"))
    tail = "点" + "".join(_DIGITS[financial][int(d)] for d in fraction) if fraction else ""
    return sign + head + tail


def chinese_yuan(value: Decimal) -> str:
    """Return an amount of yuan as a cheque writes it (壹拾贰元叁角肆分, 壹佰元整).

    An amount with more decimals than fen is written with 点 before 元, exactly.

    Raises:
        QuantityError: as :func:`_parts`.
    """
    import cn2an

    sign, integer, fraction = _parts(value)
    if len(fraction) > _FEN_PLACES:
        return chinese_numeral(value, financial=True) + "元"
    amount = f"{integer}.{fraction}" if fraction else integer
    return sign + str(cn2an.an2cn(amount, "rmb"))
