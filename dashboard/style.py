"""Page styles: spacing tweaks and the evidence card, scoped by class name."""

PAGE_CSS = """
<style>
.block-container {padding-top: 2.2rem; padding-bottom: 2rem;}
h1 {padding-bottom: 0.1rem;}
.js-plotly-plot .rangeslider-mask-min,
.js-plotly-plot .rangeslider-mask-max {
  fill: rgb(160, 170, 185) !important;
  fill-opacity: 0.25 !important;
}
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
