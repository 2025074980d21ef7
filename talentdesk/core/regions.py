"""World regions for the Tablero's breakdown of where members live.

The United Nations' M49 regions (public), with the Americas split as the network thinks of
them: North America (where most chapters are) apart from Latin America and the Caribbean
(Mexico included). Every ISO 3166 code belongs to exactly one region (a test checks it).
"""

from __future__ import annotations

from talentdesk.core.i18n import N_


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: (region name, its ISO 3166-1 alpha-2 codes), in the order the Tablero lists them.
REGIONS: tuple[tuple[str, frozenset[str]], ...] = (
    (N_("Norteamérica"), _codes("BM CA GL PM US")),
    (
        N_("América Latina y el Caribe"),
        _codes(
            "AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT "
            "JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"
        ),
    ),
    (
        N_("Europa"),
        _codes(
            "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI "
            "LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA"
        ),
    ),
    (
        N_("Asia"),
        _codes(
            "AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM "
            "MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"
        ),
    ),
    (
        N_("África"),
        _codes(
            "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS LY "
            "MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA "
            "ZM ZW"
        ),
    ),
    (
        N_("Oceanía"),
        _codes("AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"),
    ),
    (N_("Antártida"), frozenset({"AQ"})),
)

_REGION_OF = {code: name for name, codes in REGIONS for code in codes}


def region_of(code: str) -> str | None:
    """The (untranslated) region of an alpha-2 code; None for a code no region lists."""
    return _REGION_OF.get(code.upper())
