"""Page styles: spacing tweaks, whole names in chips, the topic legend's colours and the
evidence card, scoped by class name."""

from collections.abc import Sequence

from dashboard.colours import TopicStyle

PAGE_CSS = """
<style>
.block-container {padding-top: 2.2rem; padding-bottom: 2rem;}
h1 {padding-bottom: 0.1rem;}
[data-baseweb="tag"] {max-width: none; height: auto;}
[data-baseweb="tag"] span {max-width: none; white-space: normal; overflow: visible;}
</style>
"""

EVIDENCE_CSS = """
<style>
.el-evidence {border-left: 4px solid #4c78a8; padding: 0.2rem 0 0.2rem 1rem; line-height: 1.5;}
.el-title {font-weight: 600; font-size: 1.05rem;}
.el-when {color: #5f6368; font-size: 0.9rem; margin-bottom: 0.4rem;}
.el-sentence {margin: 0.3rem 0 0.6rem 0; font-size: 1.02rem; border: none; padding: 0;}
.el-paragraph {color: #3c4043; font-size: 0.92rem; margin: 0 0 0.6rem 0;}
.el-label {color: #5f6368; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em;}
.el-doc {font-size: 0.92rem;}
.el-meta {color: #5f6368; font-size: 0.85rem;}
mark.el-date {background: #ffe08a; padding: 0 0.15em; border-radius: 3px;}
.el-reported {font-weight: 600; font-size: 0.92rem; margin-bottom: 0.3rem;}
.el-why {color: #3c4043; font-size: 0.88rem; margin-bottom: 0.3rem;}
.el-conflict {background: #fdecea; border-left: 3px solid #c5221f; color: #8a1c17;
  padding: 0.25rem 0.6rem; margin: 0.3rem 0 0.5rem 0; font-size: 0.92rem;}
.el-sources {margin: 0.2rem 0 0 1.2rem; padding: 0; font-size: 0.9rem;}
.el-sources li {margin-bottom: 0.45rem;}
.el-outlet {font-weight: 600;}
.el-differs {color: #c5221f; font-weight: 600;}
.el-source-sentence {color: #3c4043; margin-top: 0.1rem;}
</style>
"""


#: The buttons of a pills widget.
PILL = 'button[data-variant="pills"]'
#: The swatch drawn before a legend entry for each marker shape.
_SWATCH_RADIUS = {"circle": "50%", "square": "2px", "diamond": "2px"}


def legend_css(key: str, styles: Sequence[TopicStyle]) -> str:
    """A swatch of its topic's colour and shape before each option of the pills widget
    ``key``, in order."""
    rules = [
        f".st-key-{key} {PILL} {{gap: 0.1rem;}}",
        f".st-key-{key} {PILL}::before {{content: ''; display: inline-block; width: 0.7rem;"
        " height: 0.7rem; margin-right: 0.35rem; flex: none;}",
    ]
    for i, topic in enumerate(styles, start=1):
        turn = " transform: rotate(45deg) scale(0.85);" if topic.shape == "diamond" else ""
        rules.append(
            f".st-key-{key} {PILL}:nth-of-type({i})::before {{background: {topic.colour};"
            f" border-radius: {_SWATCH_RADIUS.get(topic.shape, '50%')};{turn}}}"
        )
    return "<style>\n" + "\n".join(rules) + "\n</style>"
