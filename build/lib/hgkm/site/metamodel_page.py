"""The `{metamodel}` directive: the metamodel page, generated from the loaded config."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from hgkm.model.metamodel import Metamodel, from_sphinx


def _schema_text(schema: dict) -> str:
    """A short Dutch description of a JSON schema for a field value."""
    if "enum" in schema:
        return "een van: " + ", ".join(f"`{v}`" for v in schema["enum"])
    if schema.get("format") == "date":
        return "datum, JJJJ-MM-DD"
    if "pattern" in schema:
        return f"tekst volgens het patroon `{schema['pattern']}`"
    if schema.get("type") == "array":
        lo, hi = schema.get("minItems"), schema.get("maxItems")
        if lo == hi == 1:
            return "precies één"
        if lo and not hi:
            return f"minstens {lo}"
        if hi and not lo:
            return f"hoogstens {hi}"
        return "lijst"
    return "tekst"


def metamodel_markdown(model: Metamodel) -> list[str]:
    """The metamodel page body as MyST lines."""
    lines = [
        "## Soorten items",
        "",
        "Tussen haakjes staat hoe u een item van die soort begint, bijvoorbeeld `:::{actie}`.",
        "",
        "| Soort (zo begint het blok) | Betekenis | ID begint met |",
        "| --- | --- | --- |",
    ]
    for t in model.typen.values():
        lines.append(f"| **{t.titel}** (`:::{{{t.directive}}}`) | {t.uitleg} | `{t.prefix}` |")
    lines += [
        "",
        f"Elke ID volgt het patroon `{model.id_regex}`: hoofdletters, cijfers en "
        "streepjes, beginnend met het voorvoegsel van de soort. Voorbeeld: `OG-RR24-4`.",
        "",
        "## Koppelingen",
        "",
        "Een koppeling is een optie van een item die naar andere items wijst, "
        "bijvoorbeeld `:opgaven: OG-RR24-1, OG-RR24-4`. Scheid meerdere ID's met komma's.",
        "",
        "| Optie | Betekenis | Wijst naar | Wordt gebruikt door |",
        "| --- | --- | --- | --- |",
    ]
    for k in model.koppelingen.values():
        users = [t.directive for t in model.typen.values() if k.naam in t.koppelingen]
        targets = ", ".join(f"`{d}`" for d in k.doeltypen) or "elk item"
        lines.append(
            f"| `:{k.naam}:` | {k.uitleg} | {targets} | {', '.join(f'`{u}`' for u in users)} |"
        )
    lines += ["", "## Velden per soort", ""]
    for t in model.typen.values():
        lines += [f"### {t.titel} (`{t.directive}`)", "", t.uitleg, ""]
        if t.velden:
            lines += ["| Veld | Betekenis | Waarde | Verplicht |", "| --- | --- | --- | --- |"]
            for v in t.velden:
                lines.append(
                    f"| `:{v.naam}:` | {v.uitleg} | {_schema_text(v.schema)} | "
                    f"{'ja' if v.verplicht else 'nee'} |"
                )
            lines.append("")
        for r in t.regels:
            lines.append(f"Regel `{r.id}`: {r.melding}")
            extra = [
                f"`:{n}:` {_schema_text(p)}"
                for n, p in r.eigenschappen.items()
                if n not in {"id"} and p.get("maxItems") != 0
            ]
            if extra:
                lines.append(f"({'; '.join(extra)}.)")
            lines.append("")
    return lines


class MetamodelDirective(SphinxDirective):
    """Renders the loaded metamodel as tables."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        model = from_sphinx(self.env.app)
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(
            self.state, StringList(metamodel_markdown(model), source="metamodel"), container
        )
        return container.children
