/// The pages' CSS: system fonts (nothing fetched), colours in variables
/// with a dark variant, and statuses that read without colour too (a
/// symbol, a word, and a border style per status).
extension ReportPage {
    static let common = """
        :root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--card:#f6f8fa;\
        --ready:#1a7f37;--unpractised:#0a58ca;--thin:#9a6700;--gap:#cf222e;\
        --s1:#fbe3e0;--s2:#fde9b8;--s3:#a8d5b6;--s4:#4a9d68;--s4fg:#fff;--bar:#8aa4c8;--dot:#1b1f24;\
        color-scheme:light dark}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9ea7b3;--line:#30363d;\
        --card:#161b22;--ready:#3fb950;--unpractised:#79a8ff;--thin:#d29922;--gap:#ff7b72;\
        --s1:#4b1d1d;--s2:#4d3a12;--s3:#1f5131;--s4:#2ea043;--s4fg:#fff;--bar:#3b5a85;--dot:#e6edf3}}
        *{box-sizing:border-box}
        html{background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
        body{margin:0}
        code{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,monospace;font-size:.9em;background:var(--card);padding:.1em .3em;border-radius:4px}
        h1,h2,h3{line-height:1.2}
        .muted{color:var(--muted)}
        """

    static let reportStyle = common + """
        main{max-width:1100px;margin:0 auto;padding:24px 20px}
        h1{font-size:1.9rem;margin:0 0 .3em}
        h2{font-size:1.3rem;margin:2em 0 .6em;padding-bottom:.3em;border-bottom:1px solid var(--line)}
        h3{font-size:1rem;margin:.2em 0}
        .summary{font-size:1.15rem;margin:.2em 0}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        caption{text-align:left;color:var(--muted);padding:.3em 0}
        th,td{text-align:left;padding:.35em .5em;border-bottom:1px solid var(--line);vertical-align:top}
        thead th{font-weight:600;border-bottom:2px solid var(--line)}
        .tiles{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
        .tile{background:var(--card);border:2px solid var(--line);border-left-width:8px;border-radius:8px;padding:10px 12px}
        .tile p{margin:.2em 0;font-size:.9rem}
        .tile .best{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .tile.ready{border-left-color:var(--ready)}
        .tile.unpractised{border-left-color:var(--unpractised)}
        .tile.thin{border-left-color:var(--thin)}
        .tile.gap{border-left-color:var(--gap);border-style:dashed dashed dashed solid}
        .badge{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .5em;border-radius:999px;border:1.5px solid currentColor}
        .badge.ready{color:var(--ready)}.badge.unpractised{color:var(--unpractised)}.badge.thin{color:var(--thin)}.badge.gap{color:var(--gap)}
        .countdown{font-size:1.1rem;margin:.2em 0 1em}
        .countdown .days{font-size:2.6rem;font-weight:700;line-height:1}
        .hook{color:var(--muted)}
        .advice li{margin:.3em 0}
        .scroll{overflow-x:auto}
        .matrix{width:auto}
        .matrix th[scope=row]{max-width:22em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:400}
        .matrix th.vertical{vertical-align:bottom;padding:.3em .15em;height:12em}
        .matrix th.vertical span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500;font-size:.85rem}
        .matrix td.cell{width:2.2em;text-align:center;font-size:.8rem;border:1px solid var(--line)}
        .s1{background:var(--s1)}.s2{background:var(--s2)}.s3{background:var(--s3)}.s4{background:var(--s4);color:var(--s4fg)}
        td.score{text-align:center;font-weight:600;width:3.5em}
        .tags{text-align:center}.tags.many{font-weight:700;color:var(--gap)}
        tfoot td.count{text-align:center;font-weight:600}tfoot td.alone{color:var(--gap);text-decoration:underline}
        .chart{width:100%;max-width:760px;height:auto;display:block}
        .chart text{fill:var(--fg);font-size:12px}
        .chart .tick{fill:var(--muted);font-size:11px}
        .chart .axis{font-size:12px;font-weight:600}
        .chart .grid{stroke:var(--line);stroke-width:1}
        .chart .axisline{stroke:var(--fg);stroke-width:1}
        .chart .bar{fill:var(--bar)}
        .chart .dot{fill:var(--dot)}
        .chart .line{fill:none;stroke:var(--dot);stroke-width:2;stroke-dasharray:4 3}
        .chart .empty{fill:var(--muted);font-size:14px}
        .legend{font-size:.85rem;color:var(--muted)}
        .key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px}
        .key.bar{background:var(--bar)}.key.dot{background:var(--dot);border-radius:50%}
        .start{max-width:640px;margin:48px auto}
        .start li{margin:.6em 0}
        footer{max-width:1100px;margin:0 auto;padding:16px 20px 32px;color:var(--muted);font-size:.85rem}
        @media (max-width:600px){html{font-size:15px}.matrix th[scope=row]{max-width:12em}}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#333;--card:#fff}.scroll{overflow:visible}section{break-inside:avoid-page}}
        """

    /// One page, A4 or Letter: two columns of fixed-height cards sized for
    /// the smaller of the two (A4's width, Letter's height), black on white.
    static let sheetStyle = common + """
        @page{margin:10mm}
        main{max-width:190mm;margin:0 auto;padding:8px}
        h1{font-size:14pt;margin:0 0 3mm}
        .cards{display:grid;grid-template-columns:1fr 1fr;gap:2.5mm}
        .card{border:1px solid var(--line);border-left:4px solid var(--fg);border-radius:2mm;padding:1.8mm 2.5mm;height:27mm;overflow:hidden;break-inside:avoid;font-size:8.5pt;line-height:1.25}
        .card p,.card h2,.card ul{margin:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .principle{font-size:7.5pt;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
        .card h2{font-size:10.5pt;font-weight:700;margin:.3mm 0}
        .hook{font-style:italic}
        .facts{padding:0;list-style:none}
        .facts li{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600}
        .facts li::before{content:"▸ "}
        .note{color:var(--muted);font-size:8pt}
        .more{font-size:8pt;color:var(--muted)}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#333;--line:#777}html{font-size:10pt}main{padding:0;max-width:none}}
        """
}
