"""The web page where an applicant drops a draft (`socinv serve`, SPEC §8).

A Starlette app on uvicorn, wiring only: uploads are streamed into a per-request temporary
directory (uploads.py), checked and annotated in a pool of worker processes (pool.py) and
rendered from the reports in the page's language (pages.py, templates/). Nothing here is
imported by the other commands: `socinv check` never loads the web stack.
"""
