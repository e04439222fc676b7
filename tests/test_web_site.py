"""The page a municipality puts its name on (issue 23): the settings file (`socinv serve
--settings kommun.toml`, web/site.py), the accessibility statement and the privacy page, the
funders the page accepts, the blank forms it serves, the error pattern (the form again with
an error summary), the result kept across the language switch (web/carried.py) and Swedish
words marked on the English page. Over real HTTP, as test_web.py; the browser side (reflow,
axe, keyboard) is in test_web_browser.py."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, run_cli
from web_support import LiveServer, seam_check

from socinv_docs import fmt
from socinv_docs.limits import Limits
from socinv_docs.loading import form_path, load_schemas
from socinv_docs.web.app import create_app
from socinv_docs.web.carried import MAX_AGE_SECONDS, Seal
from socinv_docs.web.pages import quoted_swedish
from socinv_docs.web.settings import WebSettings
from socinv_docs.web.site import MAX_LOGO_BYTES, TESTED, Site, SiteError, read_site

SAMPLES = ROOT / "samples"
LUCKOR = SAMPLES / "ansokan-luckor" / "ansokan.docx"
IDEPROVNING = SAMPLES / "ideprovning-luckor.docx"
GAVLEBORG = SAMPLES / "gavleborg-luckor" / "ansokan.docx"
LONG_NAME = "Idéprövning_Läxhjälp_Vivalla_Örebro_kommun_beredning_v3_2026-12-01.docx"
MAX_FILE = 300_000
JSON = {"accept": "application/json"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64  # enough of a PNG to be told by its first bytes
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>'
SETTINGS = """\
organisation = "Örebro kommun"
contact = "sociala.investeringar@orebro.se"
funders = ["orebro-2020"]
logo = "logo.png"
privacy = \"\"\"Örebro kommun är personuppgiftsansvarig.

Åtkomstloggarna sparas i 30 dagar.\"\"\"

[[templates]]
title = "Idéprövning (Word)"
url = "https://www.orebro.se/mallar/ideprovning.docx"

[[templates]]
title = { sv = "Ansökan (Word)", en = "Application (Word)" }
url = "/mallar/egen.docx"

[accessibility]
assessed = 2026-11-20
shortcomings = ["Logotypen saknar textalternativ i kommunens egen version."]
"""


def write_settings(folder: Path, text: str = SETTINGS, logo: bytes = PNG, logo_name: str = "logo.png") -> Path:
    (folder / logo_name).write_bytes(logo)
    path = folder / "kommun.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return read_site(write_settings(tmp_path_factory.mktemp("settings")), load_schemas())


@pytest.fixture(scope="module")
def municipal(tmp_path_factory, site):
    """A page with Örebro kommun's settings: its name, contact, logo, Örebro's funder only."""
    settings = WebSettings(max_file_bytes=MAX_FILE, max_files=3, workers=1, limits=Limits(max_seconds=60),
                           tmp_root=tmp_path_factory.mktemp("municipal"))
    with LiveServer(create_app(settings, site=site, check=seam_check)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """A page with no settings file: the defaults."""
    settings = WebSettings(max_file_bytes=MAX_FILE, max_files=3, workers=1, limits=Limits(max_seconds=60),
                           tmp_root=tmp_path_factory.mktemp("plain"))
    with LiveServer(create_app(settings, check=seam_check)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


def upload(client, *files: Path | tuple[str, bytes], headers=None, lang: str | None = None) -> httpx.Response:
    parts = [("files", (f.name, f.read_bytes()) if isinstance(f, Path) else f) for f in files]
    return client.post("/check" + (f"?lang={lang}" if lang else ""), files=parts, headers=headers or {})


def asgi_get(app, path: str) -> httpx.Response:
    """GET from the app itself, without starting it (no workers): for pages that need none."""
    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://x") as client:
            return await client.get(path)

    return asyncio.run(get())


def footer(page: str) -> str:
    return page.split("<footer", 1)[1]


# -- the settings file ----------------------------------------------------------------------


def test_the_settings_file_is_read(site):
    assert site.organisation == "Örebro kommun" and site.contact == "sociala.investeringar@orebro.se"
    assert site.funders == ("orebro-2020",)
    assert [(t.title.get("sv"), t.title.get("en"), t.url) for t in site.templates] == [
        ("Idéprövning (Word)", "Idéprövning (Word)", "https://www.orebro.se/mallar/ideprovning.docx"),
        ("Ansökan (Word)", "Application (Word)", "/mallar/egen.docx")]
    assert site.templates[0].title.lang_of("en") == "sv" and site.templates[1].title.lang_of("en") == "en"
    assert site.logo.data == PNG and site.logo.content_type == "image/png"
    assert site.privacy.paragraphs("sv") == ["Örebro kommun är personuppgiftsansvarig.",
                                             "Åtkomstloggarna sparas i 30 dagar."]
    assert site.assessed == dt.date(2026, 11, 20) and len(site.shortcomings) == 1
    assert site.statement_updated == max(TESTED, site.assessed)


@pytest.mark.parametrize("text, key, name, line", [
    ('organisation = "Örebro kommun"\ncontact = "x@y.se"\nbroken = \n', "web.settings.syntax", None, 3),
    ('organisation = "Örebro kommun"\norganization = "x"\n', "web.settings.unknown_key", "organization", 2),
    ('contact = "Ring oss"\n', "web.settings.not_email", "contact", 1),
    ('\n\nfunders = ["orebro"]\n', "web.settings.unknown_funder", "funders", 3),
    ('funders = []\n', "web.settings.funders_list", "funders", 1),
    ('[[templates]]\ntitle = "Mall"\nurl = "javascript:alert(1)"\n', "web.settings.not_url", "templates.url", 3),
    ('[[templates]]\ntitle = "Mall"\n', "web.settings.templates_list", "templates", None),
    ('organisation = 3\n', "web.settings.not_text", "organisation", 1),
    ('serve_forms = "ja"\n', "web.settings.not_bool", "serve_forms", 1),
    ('privacy = { sv = "Text", fr = "Texte" }\n', "web.settings.not_localized", "privacy", 1),
    ('[accessibility]\nassessed = "2026-11-20"\n', "web.settings.not_date", "accessibility.assessed", 2),
    ('[accessibility]\ntested = 2026-11-20\n', "web.settings.unknown_key", "accessibility.tested", 2),
    ('logo = "logo.gif"\n', "web.settings.logo_type", "logo", 1),
    ('logo = "saknas.png"\n', "web.settings.logo_unreadable", "logo", 1),
])
def test_a_mistake_in_the_settings_names_the_setting_and_its_line(tmp_path, text, key, name, line):
    path = write_settings(tmp_path, text)
    with pytest.raises(SiteError) as caught:
        read_site(path, load_schemas())
    assert caught.value.key == key
    assert caught.value.params.get("name") == name and caught.value.params.get("line") == line
    assert caught.value.text("sv") != caught.value.text("en")  # said in either language, from the catalogue


def test_a_logo_is_served_only_as_what_it_is_and_not_too_large(tmp_path):
    schemas = load_schemas()
    with pytest.raises(SiteError) as caught:  # a PNG's name on what is not a PNG
        read_site(write_settings(tmp_path, 'logo = "logo.png"\n', logo=b"<html>hello</html>"), schemas)
    assert caught.value.key == "web.settings.logo_content"
    with pytest.raises(SiteError) as caught:
        read_site(write_settings(tmp_path, 'logo = "logo.png"\n', logo=PNG + b"\0" * MAX_LOGO_BYTES), schemas)
    assert caught.value.key == "web.settings.logo_too_large"
    site = read_site(write_settings(tmp_path, 'logo = "logo.svg"\n', logo=SVG, logo_name="logo.svg"), schemas)
    assert site.logo.content_type == "image/svg+xml"


def test_a_settings_file_that_is_not_utf8_or_not_there(tmp_path):
    path = tmp_path / "kommun.toml"
    path.write_bytes('organisation = "Örebro"\n'.encode("latin-1"))
    with pytest.raises(SiteError) as caught:
        read_site(path, load_schemas())
    assert caught.value.key == "web.settings.not_utf8"
    with pytest.raises(SiteError) as caught:
        read_site(tmp_path / "saknas.toml", load_schemas())
    assert caught.value.key == "web.settings.unreadable" and caught.value.cause is not None


def test_serve_with_a_bad_settings_file_exits_2_before_it_listens(tmp_path):
    path = write_settings(tmp_path, 'organisation = "Örebro kommun"\nkontakt = "x@y.se"\n')
    result = run_cli("serve", "--settings", path, "--port", "1")
    assert result.exit_code == 2
    assert str(path) in result.output and "Traceback" not in result.output
    assert run_cli("serve", "--settings", tmp_path / "saknas.toml", "--port", "1").exit_code == 2


def test_the_readme_example_is_a_valid_settings_file(tmp_path):
    """The README's complete example, as a municipality would copy it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(# kommun\.toml.*?)```", readme, re.S).group(1)
    logo = re.search(r'^logo = "([^"]+)"', example, re.M).group(1)
    (tmp_path / Path(logo).name).write_bytes(PNG if logo.endswith(".png") else SVG)
    path = tmp_path / "kommun.toml"
    path.write_text(example.replace(logo, Path(logo).name), encoding="utf-8")
    site = read_site(path, load_schemas())
    assert site.organisation and site.contact and site.funders and site.templates and site.privacy


# -- the pages carry the municipality's name --------------------------------------------------


def test_every_page_carries_the_organisation_the_contact_and_the_footer_links(municipal):
    pages = [municipal.get("/"), municipal.get("/tillganglighet"), municipal.get("/integritet"),
             municipal.get("/nope"), upload(municipal, IDEPROVNING), upload(municipal)]
    for page in pages:
        text = page.text
        assert re.search(r"<title>[^<]*– Örebro kommun</title>", text), page.url
        assert '<span class="organisation">Örebro kommun</span>' in text
        assert '<img class="logo" src="/logo" alt="">' in text
        links = footer(text)
        assert 'href="/tillganglighet?lang=sv"' in links and 'href="/integritet?lang=sv"' in links
        assert 'href="mailto:sociala.investeringar@orebro.se"' in links


def test_the_defaults_name_no_one_and_accept_every_funder(plain, schemas):
    page = plain.get("/").text
    assert 'class="organisation"' not in page and 'class="logo"' not in page and "mailto:" not in page
    for profile in schemas.profiles.values():
        assert profile.funder in page
    assert plain.get("/logo").status_code == 404
    assert 'href="/tillganglighet?lang=sv"' in footer(page)
    statement = plain.get("/tillganglighet").text
    assert "mailto:" not in statement and 'href="https://www.digg.se/tdosanmalan"' in statement


def test_the_logo_is_served_from_memory_with_its_type(municipal):
    logo = municipal.get("/logo")
    assert logo.status_code == 200 and logo.content == PNG and logo.headers["content-type"] == "image/png"


def test_an_svg_logo_cannot_run_anything(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    site = read_site(write_settings(tmp_path, 'logo = "logo.svg"\n', logo=svg, logo_name="logo.svg"), load_schemas())
    app = create_app(WebSettings(workers=1, tmp_root=tmp_path), site=site)
    logo = asgi_get(app, "/logo")
    assert logo.headers["content-type"] == "image/svg+xml"
    assert any("sandbox" in v and "default-src 'none'" in v for v in logo.headers.get_list("content-security-policy"))


def test_the_start_page_lists_the_accepted_funders_the_templates_and_the_forms_it_serves(municipal, schemas):
    page = municipal.get("/").text
    orebro = schemas.profiles["orebro-2020"]
    assert orebro.funder in page
    for other in schemas.profiles.values():
        if other.id != "orebro-2020":
            assert other.funder not in page.split('id="what"', 1)[1].split("</section>", 1)[0]
    assert 'href="https://www.orebro.se/mallar/ideprovning.docx"' in page and 'href="/mallar/egen.docx"' in page
    served = re.findall(r'href="(/mallar/[^"]+)" download', page)
    assert sorted(served) == sorted(f"/mallar/orebro-2020/{form_path(orebro, k).name}" for k in orebro.forms)
    for url in served:
        form = municipal.get(url)
        kind = next(k for k in orebro.forms if url.endswith(form_path(orebro, k).name))
        assert form.status_code == 200 and form.content == form_path(orebro, kind).read_bytes()
        assert "wordprocessingml" in form.headers["content-type"]
        assert "attachment" in form.headers["content-disposition"]
    gavleborg = schemas.profiles["gavleborg-2019"]
    kind = next(iter(gavleborg.forms))
    assert municipal.get(f"/mallar/gavleborg-2019/{form_path(gavleborg, kind).name}").status_code == 404
    assert municipal.get("/mallar/orebro-2020/..%2F..%2Fcommon.yaml").status_code == 404


def test_no_forms_are_served_when_the_settings_say_so(tmp_path):
    site = read_site(write_settings(tmp_path, "serve_forms = false\n"), load_schemas())
    app = create_app(WebSettings(workers=1, tmp_root=tmp_path), site=site)
    assert "/mallar/" not in asgi_get(app, "/").text
    assert asgi_get(app, "/mallar/orebro-2020/redovisning.docx").status_code == 404


# -- the funders the page accepts ------------------------------------------------------------


def test_a_document_of_another_funder_is_refused_not_checked_by_the_wrong_rules(municipal):
    refused = upload(municipal, GAVLEBORG, headers=JSON)
    assert refused.status_code == 422 and refused.json()["error"] == "funder"
    page = upload(municipal, GAVLEBORG)
    assert page.status_code == 422 and 'id="error-summary"' in page.text and 'class="finding' not in page.text
    assert upload(municipal, IDEPROVNING, headers=JSON).json()["profile"] == "orebro-2020"


# -- the error pattern ------------------------------------------------------------------------


def error_form(page: str) -> dict:
    """What the error pattern needs of a page: the summary and its links, the field's marks."""
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', page, re.S)
    field = re.search(r'<input type="file"[^>]*>', page).group(0)
    return {"summary_attrs": re.search(r'<div class="error-summary"([^>]*)>', page).group(1),
            "links": re.findall(r'<a href="(#[^"]+)">', summary.group(1)),
            "invalid": 'aria-invalid="true"' in field,
            "described_by": re.search(r'aria-describedby="([^"]+)"', field).group(1).split(),
            "field_error": re.search(r'<p class="error-message" id="files-error"([^>]*)>(.*?)</p>', page, re.S),
            "novalidate": re.search(r"<form [^>]*\bnovalidate\b", page) is not None,
            "accept": re.search(r'accept="([^"]+)"', field).group(1).split(","),
            "title": re.search(r"<title>(.*?)</title>", page).group(1)}


def test_the_start_page_has_no_browser_bubbles_and_says_which_files(plain):
    form = error_form(plain.get("/").text)
    assert form["novalidate"] and {".docx", ".xlsx"} <= set(form["accept"])
    assert "hidden" in form["summary_attrs"] and not form["invalid"] and form["described_by"] == ["files-hint"]


@pytest.mark.parametrize("case, status, error", [("no_file", 422, "no_file"), ("too_many", 413, "too_many_files"),
                                                 ("too_large", 413, "file_too_large"),
                                                 ("wrong_type", 422, "wrong_type")])
def test_an_error_answer_is_the_form_again_with_the_summary_and_the_field_marked(plain, case, status, error):
    files = {"no_file": [("", b"")], "too_many": [(f"f{i}.docx", b"x") for i in range(4)],
             "too_large": [("stor.docx", b"\0" * (MAX_FILE + 1))], "wrong_type": [("ansokan.pdf", b"%PDF-1.7")]}[case]
    assert upload(plain, *files, headers=JSON).json()["error"] == error
    page = upload(plain, *files)
    assert page.status_code == status
    form = error_form(page.text)
    assert "hidden" not in form["summary_attrs"] and "autofocus" in form["summary_attrs"]
    assert 'role="alert"' in form["summary_attrs"] and 'tabindex="-1"' in form["summary_attrs"]
    assert form["links"] == ["#files"] and form["invalid"]
    assert form["described_by"] == ["files-hint", "files-error"] and "hidden" not in form["field_error"].group(1)
    assert form["title"] != error_form(plain.get("/").text)["title"]  # the title says there is an error
    assert '<form id="upload-form"' in page.text


def test_the_413_page_names_the_file_and_the_limit_in_swedish_numbers(plain):
    page = html.unescape(upload(plain, ("Läxhjälp_Vivalla.docx", b"\0" * (MAX_FILE + 1))).text)
    message = error_form(page)["field_error"].group(2).replace("<wbr>", "")  # where a long name may wrap
    assert "Läxhjälp_Vivalla.docx" in message and f"{fmt.number(MAX_FILE / 1024 / 1024, 1)} MB" in message
    assert fmt.number(0.3) == "0,3"  # Babel's Swedish: a decimal comma
    english = html.unescape(upload(plain, ("Läxhjälp_Vivalla.docx", b"\0" * (MAX_FILE + 1)), lang="en").text)
    assert f"{fmt.number(MAX_FILE / 1024 / 1024, 1, lang='en')} MB" in error_form(english)["field_error"].group(2)


def test_a_refusal_that_is_not_about_the_upload_keeps_its_own_page(plain):
    page = plain.get("/nope")
    assert page.status_code == 404 and 'class="summary status-refused"' in page.text and "<form id" not in page.text


# -- the language switch keeps the result -----------------------------------------------------


def carried(page: str) -> str:
    form = re.search(r'<form class="lang-form" method="post" action="(/result\?lang=\w+)">\s*'
                     r'<input type="hidden" name="result" value="([^"]+)">', page)
    return form.group(1), html.unescape(form.group(2))


def codes(page: str) -> list[str]:
    return sorted(re.findall(r"<code>([A-Z_]+)</code>", page))


def test_switching_language_on_a_result_keeps_the_result(plain):
    swedish = upload(plain, (LONG_NAME, IDEPROVNING.read_bytes()))
    action, token = carried(swedish.text)
    assert action == "/result?lang=en"
    english = plain.post(action, data={"result": token})
    assert english.status_code == 200 and '<html lang="en">' in english.text
    assert codes(english.text) == codes(swedish.text) and codes(swedish.text)
    assert english.text.count('<tr class="state-') == swedish.text.count('<tr class="state-')
    # The annotated copy stays in the page it was made for; the switched page says so.
    assert 'download="' in swedish.text and 'download="' not in english.text
    assert 'class="download-gone"' in english.text
    # And back again, from the page in English.
    back_action, back_token = carried(english.text)
    back = plain.post(back_action, data={"result": back_token})
    assert back_action == "/result?lang=sv" and '<html lang="sv">' in back.text
    assert codes(back.text) == codes(swedish.text)


def test_a_result_that_is_not_ours_is_refused(plain):
    _, token = carried(upload(plain, IDEPROVNING).text)
    edited = token[:-8] + ("A" * 8 if not token.endswith("A" * 8) else "B" * 8)
    for bad in (edited, "x", ""):
        response = plain.post("/result?lang=en", data={"result": bad}, headers=JSON)
        assert response.status_code == 400 and response.json()["error"] == "result_gone"
    assert plain.post("/result?lang=en", data={"result": "x" * 2_000_000}, headers=JSON).status_code == 413
    assert plain.get("/result", follow_redirects=False).status_code == 303
    cross_site = plain.post("/result?lang=en", data={"result": token}, headers={"sec-fetch-site": "cross-site"},
                            follow_redirects=False)
    assert cross_site.status_code == 303


def test_a_sealed_result_opens_only_with_its_key_and_while_fresh():
    seal = Seal(b"k" * 32)
    token = seal.seal({"sv": {"status": "complete"}}, now=1000)
    assert seal.open(token, now=1000) == {"sv": {"status": "complete"}}
    assert seal.open(token, now=1000 + MAX_AGE_SECONDS + 1) is None
    assert Seal(b"j" * 32).open(token, now=1000) is None
    assert seal.open(token[:-2] + "AA", now=1000) is None


# -- words that fit: the kind's own names, Swedish marked on the English page ----------------


def test_the_summary_names_the_kind_by_its_own_name(plain, schemas):
    summary = re.search(r'<div class="summary[^>]*>(.*?)</div>', upload(plain, IDEPROVNING).text, re.S).group(1)
    assert schemas.kinds["ideprovning"].name_in("sv").lower() in summary
    assert schemas.kinds["ansokan"].name_in("sv").lower() not in summary
    english = re.search(r'<div class="summary[^>]*>(.*?)</div>', upload(plain, IDEPROVNING, lang="en").text,
                        re.S).group(1)
    assert schemas.kinds["ideprovning"].name_in("en").lower() in english


def test_swedish_words_on_the_english_page_carry_lang_sv(plain, schemas):
    page = upload(plain, IDEPROVNING, lang="en").text
    kind = schemas.kinds["ideprovning"]
    assert f'<span lang="sv">{html.escape(kind.title, quote=False)}</span>' in page
    for section in kind.sections:
        name = html.escape(section.short or section.heading, quote=False)
        assert f'<th scope="row" role="rowheader" lang="sv">{name}</th>' in page
    assert page.count('<span lang="sv">') > len(kind.sections)  # quoted headings in the findings too
    assert '<span lang="sv">' not in upload(plain, IDEPROVNING).text.split("<main", 1)[1]  # not on the Swedish page


def test_what_a_message_quotes_is_marked_and_an_apostrophe_is_not():
    marked = str(quoted_swedish("The applicant's section '2. Innehåll' isn't “Ja” or \"Nej\".", "en"))
    assert re.findall(r'<span lang="sv">(.*?)</span>', marked) == ["2. Innehåll", "Ja", "Nej"]
    assert quoted_swedish("Avsnittet '2. Innehåll'", "sv") == "Avsnittet '2. Innehåll'"


# -- the accessibility statement and the privacy page -----------------------------------------


def test_the_accessibility_statement_follows_diggs_model_filled_from_the_settings(municipal, site):
    page = municipal.get("/tillganglighet")
    assert page.status_code == 200
    text = page.text
    # DIGG's sections, in its order.
    assert re.findall(r'<h2 id="(\w+)">', text) == ["how", "cannot", "report", "enforcement", "technical", "tested"]
    assert text.count('href="mailto:sociala.investeringar@orebro.se"') >= 3  # two sections and the footer
    assert 'href="https://www.digg.se/tdosanmalan"' in text
    shortcomings = re.findall(r"<li[^>]*>", text.split('class="shortcomings"', 1)[1].split("</ul>", 1)[0])
    assert len(shortcomings) == 3  # the annotated copy, the served forms, the organisation's own
    for day in (TESTED, site.assessed, site.statement_updated):
        assert fmt.long_date(day, "sv") in text
    english = municipal.get("/tillganglighet?lang=en").text
    assert fmt.long_date(TESTED, "en") in english and '<html lang="en">' in english
    assert '<li lang="sv">' in english  # the organisation's shortcoming, given in Swedish only


def test_the_privacy_page_says_what_happens_to_an_upload(municipal, plain):
    page = municipal.get("/integritet").text
    assert "<p>Örebro kommun är personuppgiftsansvarig.</p>" in page  # the settings' paragraphs
    facts = re.findall(r'<ul class="facts">(.*?)</ul>', page, re.S)
    assert [f.count("<li>") for f in facts] == [4, 3]
    assert 'href="mailto:sociala.investeringar@orebro.se"' in page.split("<footer", 1)[0]
    default = plain.get("/integritet?lang=en").text
    assert '<html lang="en">' in default and [f.count("<li>") for f in re.findall(
        r'<ul class="facts">(.*?)</ul>', default, re.S)] == [4, 3]
    assert municipal.get("/integritet?lang=en").text.count('<div class="organisation-text" lang="sv">') == 1


def test_the_result_page_announces_checking_and_has_a_print_stylesheet(plain):
    start = plain.get("/").text
    assert re.search(r'<p class="checking" id="checking" role="status" aria-live="polite">', start)
    css = plain.get("/static/site.css").text
    assert "@media print" in css and re.search(r"@media print \{[^@]*\.download[^@]*display: none", css)

