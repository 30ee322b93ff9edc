"""Stored-XSS payloads for the tests of every write path of user-written markup.

Each payload that could run bumps ``window.__xss`` (and opens an alert), so a browser test can
count what ran; none of them may survive cleaning (marketplace/core/html.py).
"""

HIT = "window.__xss=(window.__xss||0)+1"

PAYLOADS = [
    f"<script>{HIT};alert(1)</script>",
    f'<img src=x onerror="{HIT};alert(1)">',
    f'<svg onload="{HIT};alert(1)"><circle r="1"/></svg>',
    f'<a href="javascript:{HIT};alert(1)">link one</a>',
    f'<a href="JaVaScRiPt&colon;{HIT}">link two</a>',
    '<iframe src="https://evil.example/phish"></iframe>',
    f'<iframe srcdoc="<script>parent.{HIT}</script>"></iframe>',
    "<style>body{display:none}</style>",
    f'<p title="x" onmouseover="{HIT}">"\'><img src=x onerror="{HIT}"></p>',
    f'<a href="data:text/html,<script>{HIT}</script>">link three</a>',
    f'<img src="data:image/svg+xml,<svg onload={HIT}>">',
    f'<div style="background:url(javascript:{HIT})" class="x" id="y">styled</div>',
    f'<!-- comment --><object data="javascript:{HIT}"></object>',
]
# Formatting a supplier may use; it survives cleaning.
FORMATTING = (
    "<h3>Grade AA</h3><p><strong>99.85%</strong> methanol, <em>low water</em>.</p>"
    "<ul><li>ISO tank</li><li>Drums</li></ul>"
    '<a href="https://example.com/sds.pdf">SDS</a>'
)
CORPUS = FORMATTING + "".join(PAYLOADS)

# What CORPUS is stored as.
CLEANED = (
    "<h3>Grade AA</h3><p><strong>99.85%</strong> methanol, <em>low water</em>.</p>"
    "<ul><li>ISO tank</li><li>Drums</li></ul>"
    '<a href="https://example.com/sds.pdf" rel="nofollow noopener">SDS</a>'
    '<a rel="nofollow noopener">link one</a><a rel="nofollow noopener">link two</a>'
    "<p>\"'&gt;</p>"
    '<a rel="nofollow noopener">link three</a>'
    "styled"
)

# Nothing of these may be left in stored or rendered descriptions.
FORBIDDEN = (
    "<script",
    "onerror",
    "onload",
    "onmouseover",
    "javascript",
    "<iframe",
    "srcdoc",
    "<style",
    "data:",
    "<svg",
    "<img",
    "<object",
    "style=",
    "<!--",
)
