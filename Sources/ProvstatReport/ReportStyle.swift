/// The site's one style sheet, put inline in every page so that each page stands alone (a mail
/// attachment, `file://`), with print rules that drop navigation and keep charts whole.
enum ReportStyle {
    static let css = """
        :root{--ink:#1a202c;--muted:#5a6473;--line:#d5dae1;--ok:#1f6f43;--warn:#a15c00;--bad:#b42318;--series:#1d4e89}
        *{box-sizing:border-box}
        body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:16px 20px;line-height:1.45;font-size:15px}
        h1{font-size:1.5em;margin:.2em 0 .4em}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
        h3{font-size:1em;margin:0 0 .3em}
        a{color:#0b57a4}nav{font-size:.9em;margin-bottom:.6em}nav a{margin-right:1em}
        table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92em}
        th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f3f5f8;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .badge{display:inline-block;padding:0 .5em;border-radius:.8em;font-size:.85em;font-weight:600;white-space:nowrap;border:1px solid}
        .st-complete{color:var(--ok);border-color:var(--ok)}.st-partial{color:var(--warn);border-color:var(--warn)}
        .st-rejected{color:#fff;background:var(--bad);border-color:var(--bad)}
        .sev-error.fail td{background:#fdecea}.sev-warning.fail td{background:#fff6e5}.sev-info.fail td{background:#eef4fb}
        .fail .cs{color:var(--bad);font-weight:600}.skipped{color:var(--muted)}
        .up{color:var(--ok)}.down{color:var(--bad)}.muted{color:var(--muted)}
        .grid-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:14px}
        figure.card{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px;break-inside:avoid;page-break-inside:avoid}
        figure.card figcaption{font-size:.88em;color:var(--muted)}
        svg.chart{width:100%;height:auto;display:block}
        svg.chart text{font-size:11px;fill:var(--muted);font-family:inherit}
        svg.chart .grid{stroke:#e6e9ee;stroke-width:1}svg.chart .grid.zero{stroke:#9aa3ae}
        svg.chart .xtick{stroke:#9aa3ae}svg.chart .line{fill:none;stroke:var(--series);stroke-width:2}
        svg.chart .pt{fill:var(--series);stroke:#fff;stroke-width:1}
        svg.chart .pt-partial{fill:var(--warn)}svg.chart .pt-rejected{fill:#fff;stroke:var(--bad);stroke-width:2.5}
        svg.chart .pt-estimate{fill-opacity:.55}
        svg.chart .band-rejected{fill:#fbe3e1}svg.chart .band-partial{fill:#fdf1dc}
        svg.chart .target{stroke:var(--ok);stroke-width:1.5;stroke-dasharray:6 4}
        svg.chart .due{fill:none;stroke:var(--ok);stroke-width:1;stroke-dasharray:2 3}svg.chart .due-mark{stroke:var(--ok);stroke-width:2}
        .legend{font-size:.85em;color:var(--muted);margin:.3em 0 1em}.legend span{margin-right:1.2em;white-space:nowrap}
        .key{display:inline-block;width:12px;height:12px;border-radius:50%;vertical-align:-1px;margin-right:4px}
        .key-complete{background:var(--series)}.key-partial{background:var(--warn)}.key-rejected{border:2.5px solid var(--bad);background:#fff}
        .key-target{width:18px;height:0;border-radius:0;border-top:2px dashed var(--ok);vertical-align:3px}
        details summary{cursor:pointer;font-size:.88em;color:#0b57a4}
        blockquote{margin:0;color:var(--muted);font-size:.9em}mark{background:#fff1a8}
        pre{white-space:pre-wrap;background:#f6f8fa;padding:8px;font-size:.85em;border:1px solid var(--line)}
        .months{display:flex;flex-wrap:wrap;gap:6px;padding:0;list-style:none}.months li{font-size:.9em}
        @media print{nav,details summary{display:none}body{max-width:none;font-size:11pt;padding:0}
        a{color:inherit;text-decoration:none}.grid-charts{grid-template-columns:1fr 1fr}
        h2{break-after:avoid;page-break-after:avoid}tr{break-inside:avoid;page-break-inside:avoid}
        .st-rejected{color:var(--bad);background:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}
