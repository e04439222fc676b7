"""The web page where an applicant drops a draft (`socinv serve`, SPEC §8).

A Starlette app on uvicorn, wiring only: uploads are streamed into a per-request temporary
directory (uploads.py), checked and annotated in a pool of worker processes (pool.py) and
rendered from the reports in the page's language (pages.py, templates/). What the
municipality puts on it (its name, contact, funders, logo, privacy text) is read from its
settings file (site.py); a result carries itself across the language switch (carried.py).
Nothing here is imported by the other commands: `socinv check` never loads the web stack.
"""
