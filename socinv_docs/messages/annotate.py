"""The annotated copies (render/annotate/): comments, the review sheet, and what `check
--annotate` says."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- annotated copies (render/annotate.py) ---------------------------------------------
    "annotate.summary_title": {"sv": Text("Granskning av {file} (socinv-docs)"),
                               "en": Text("Review of {file} (socinv-docs)")},
    "annotate.summary_status": {"sv": Text("Status: {status} – {counts}"), "en": Text("Status: {status} – {counts}")},
    "annotate.summary_placed": {"sv": Text("{count} brister har en egen kommentar där de finns i dokumentet."),
                                "en": Text("{count} problems have a comment of their own where they are in the document.")},
    "annotate.summary_unplaced": {"sv": Text("Brister som gäller hela dokumentet eller inskicket:"),
                                  "en": Text("Problems that concern the whole document or submission:")},
    "annotate.summary_rerun": {"sv": Text("Kommentarer och markeringar från socinv-docs ersätts när kontrollen körs igen; "
                                          "andras kommentarer lämnas kvar."),
                               "en": Text("Comments and marks by socinv-docs are replaced when the check is run again; "
                                          "other people's comments are kept.")},
    "annotate.missing_before": {"sv": Text("Det saknade avsnittet hör hemma här, före denna rubrik."),
                                "en": Text("The missing section belongs here, before this heading.")},
    "annotate.missing_after": {"sv": Text("Det saknade avsnittet hör hemma direkt efter detta."),
                               "en": Text("The missing section belongs right after this.")},
    "annotate.sheet": {"sv": Text("Granskning"), "en": Text("Review")},
    "annotate.sheet_note": {"sv": Text("Skapad av socinv-docs {date}. Kommentarerna och de rosa markeringarna i "
                                       "formuläret visar var bristerna finns. En markering försvinner när cellen "
                                       "fylls i; allt ersätts när kontrollen körs igen."),
                            "en": Text("Made by socinv-docs on {date}. The notes and pink marks in the form show "
                                       "where the problems are. A mark goes away when its cell is filled in; all "
                                       "of it is replaced when the check is run again.")},
    "annotate.col.severity": {"sv": Text("Allvarlighet"), "en": Text("Severity")},
    "annotate.col.code": {"sv": Text("Kod"), "en": Text("Code")},
    "annotate.col.location": {"sv": Text("Plats"), "en": Text("Location")},
    "annotate.col.message": {"sv": Text("Brist"), "en": Text("Problem")},
    "annotate.col.hint": {"sv": Text("Åtgärd"), "en": Text("Fix")},
    "annotate.written": {"sv": Text("Kommenterad kopia sparad: {path}"), "en": Text("Annotated copy saved: {path}")},
    "annotate.same_file": {"sv": Text("Den kommenterade kopian får inte skrivas över originalfilen {path}. "
                                      "Ange ett annat filnamn eller en annan mapp."),
                           "en": Text("The annotated copy must not overwrite the original file {path}. "
                                      "Give another file name or folder.")},
    "annotate.unreadable": {"sv": Text("Ingen kommenterad kopia av {file}: filen kan inte läsas."),
                            "en": Text("No annotated copy of {file}: the file cannot be read.")},
    # A part the check did not need to read, refused when the copy reads it (readers.safety).
    "annotate.damaged": {"sv": Text("Ingen kommenterad kopia av {file}: {reason}. Ingenting sparades; spara filen "
                                    "på nytt i Word eller Excel och försök igen."),
                         "en": Text("No annotated copy of {file}: {reason}. Nothing was saved; save the file again "
                                    "in Word or Excel and retry.")},
    "annotate.unsupported": {"sv": Text("Ingen kommenterad kopia av {file}: filtypen stöds inte."),
                             "en": Text("No annotated copy of {file}: the file type is not supported.")},
    "annotate.timeout": {"sv": Text("Ingen kommenterad kopia av {file}: den tog längre tid än gränsen på {seconds} s "
                                    "(SOCINV_MAX_SECONDS). Ingenting sparades."),
                         "en": Text("No annotated copy of {file}: it took longer than the limit of {seconds} s "
                                    "(SOCINV_MAX_SECONDS). Nothing was saved.")},
    "annotate.too_big": {"sv": Text("Ingen kommenterad kopia av {file}: filen är för stor för att kopieras inom "
                                    "gränserna för minne och storlek. Ingenting sparades."),
                         "en": Text("No annotated copy of {file}: the file is too large to copy within the memory "
                                    "and size limits. Nothing was saved.")},
    "annotate.write_failed": {"sv": Text("Den kommenterade kopian {path} kunde inte sparas ({error})."),
                              "en": Text("The annotated copy {path} could not be saved ({error}).")},
    "annotate.one_file": {"sv": Text("--annotate gäller en fil; använd --annotate-dir MAPP för flera filer."),
                          "en": Text("--annotate takes one file; use --annotate-dir DIR for several files.")},
    "annotate.both": {"sv": Text("Ange antingen --annotate eller --annotate-dir, inte båda."),
                      "en": Text("Give either --annotate or --annotate-dir, not both.")},
    "annotate.name_clash": {"sv": Text("Flera filer heter {name}; deras kopior kan inte sparas i samma mapp."),
                            "en": Text("Several files are named {name}; their copies cannot share one folder.")},
    "annotate.exists": {"sv": Text("{path} finns redan och är ingen kommenterad kopia från socinv-docs; den skrivs "
                                   "inte över. Välj ett annat namn eller flytta undan filen."),
                        "en": Text("{path} already exists and is no annotated copy made by socinv-docs; it is not "
                                   "overwritten. Choose another name or move the file away.")},
    "annotate.wrong_suffix": {"sv": Text("Kopian {path} måste ha samma filtyp som originalet ({suffix})."),
                              "en": Text("The copy {path} must have the original's file type ({suffix}).")},
}
