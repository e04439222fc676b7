"""A schema file that does not fit the format (loading/errors.py): where it is, what is wrong,
and how to put it right, for the official who writes a funder's kinds and profile. Keys are
"schema.*"; the key path and the names are the file's own (they are what is written there)."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- where -----------------------------------------------------------------------------------
    "schema.at_line": {"sv": Text("{file}, rad {line}, kolumn {column}"),
                       "en": Text("{file}, line {line}, column {column}")},
    "schema.at_file": {"sv": Text("{file}"), "en": Text("{file}")},
    "schema.hint": {"sv": Text("Tips: {hint}."), "en": Text("Hint: {hint}.")},
    # -- the file itself ---------------------------------------------------------------------------
    "schema.unreadable": {"sv": Text("filen kan inte läsas som text i UTF-8 ({error})"),
                          "en": Text("the file cannot be read as UTF-8 text ({error})")},
    "schema.yaml.tab": {"sv": Text("en tabb; YAML drar in med mellanslag"),
                        "en": Text("a tab; YAML indents with spaces")},
    "schema.yaml.colon": {"sv": Text("ett kolon där inget får stå; sätt citattecken runt en text som innehåller "
                                     "': ', eller rätta indraget"),
                          "en": Text("a colon where none may stand; put quotes round a text that holds ': ', or "
                                     "correct the indentation")},
    "schema.yaml.no_colon": {"sv": Text("en rad utan 'nyckel: värde' där en sådan väntades"),
                             "en": Text("a line without 'key: value' where one was expected")},
    "schema.yaml.unclosed": {"sv": Text("en [, {{ eller ett citattecken som aldrig stängs, eller ett komma som "
                                        "saknas i en lista"),
                             "en": Text("a [, {{ or quote that is never closed, or a missing comma in a list")},
    "schema.yaml.indent": {"sv": Text("indraget stämmer inte med raderna ovanför"),
                           "en": Text("the indentation does not match the lines above")},
    "schema.yaml.syntax": {"sv": Text("här går filen inte att läsa som YAML"),
                           "en": Text("the file cannot be read as YAML here")},
    # -- the folders ---------------------------------------------------------------------------------
    "schema.no_shipped": {"sv": Text("de medföljande schemana hittas inte bredvid programmet"),
                          "en": Text("the shipped schemas are not found next to the program")},
    "schema.folder_missing": {"sv": Text("mappen finns inte"), "en": Text("the folder does not exist")},
    "schema.folder_empty": {"sv": Text("mappen har varken kinds/, profiles/ eller common.yaml"),
                            "en": Text("the folder has neither kinds/, profiles/ nor common.yaml")},
    "schema.no_kinds": {"sv": Text("inga mallfiler (kinds/*.yaml)"), "en": Text("no kind files (kinds/*.yaml)")},
    # -- a value of the wrong shape (pydantic's error types) ------------------------------------
    "schema.missing": {"sv": Text("nyckeln '{name}' saknas"), "en": Text("the key '{name}' is missing")},
    "schema.unknown_key": {"sv": Text("okänd nyckel '{name}'"), "en": Text("unknown key '{name}'")},
    "schema.not_integer": {"sv": Text("'{value}' är inget heltal"), "en": Text("'{value}' is not a whole number")},
    "schema.not_number": {"sv": Text("'{value}' är inget tal"), "en": Text("'{value}' is not a number")},
    "schema.not_text": {"sv": Text("'{value}' är ingen text"), "en": Text("'{value}' is not a text")},
    "schema.not_list": {"sv": Text("här ska stå en lista ([a, b] eller en rad per '- '), inte '{value}'"),
                        "en": Text("a list belongs here ([a, b] or a line per '- '), not '{value}'")},
    "schema.not_mapping": {"sv": Text("här ska stå nycklar med värden ('nyckel: värde'), inte '{value}'"),
                           "en": Text("keys with values belong here ('key: value'), not '{value}'")},
    "schema.not_boolean": {"sv": Text("'{value}' är varken true eller false"),
                           "en": Text("'{value}' is neither true nor false")},
    "schema.not_one_of": {"sv": Text("'{value}' är inte ett av {choices:or}"),
                          "en": Text("'{value}' is not one of {choices:or}")},
    "schema.too_large": {"sv": Text("{value} är större än {limit}"), "en": Text("{value} is larger than {limit}")},
    "schema.too_small": {"sv": Text("{value} är mindre än {limit}"), "en": Text("{value} is smaller than {limit}")},
    "schema.yaml_boolean": {"sv": Text("YAML läser {text} utan citattecken som {boolean}, inte som texten '{text}'"),
                            "en": Text("YAML reads {text} without quotes as {boolean}, not as the text '{text}'")},
    "schema.invalid": {"sv": Text("värdet '{value}' passar inte här"), "en": Text("the value '{value}' does not fit here")},
    # -- a kind ------------------------------------------------------------------------------------
    "schema.duplicate_id": {"sv": Text("id '{id}' finns redan i {other} (rad {other_line}); varje mall och profil "
                                       "har ett eget id"),
                            "en": Text("the id '{id}' is already in {other} (line {other_line}); every kind and "
                                       "profile has an id of its own")},
    "schema.duplicate_in_kind": {"sv": Text("id '{id}' finns redan (nummer {first} i listan, räknat från 0)"),
                                 "en": Text("the id '{id}' is already there (number {first} of the list, from 0)")},
    "schema.source_section": {"sv": Text("uppgiften '{id}' läses från ett avsnitt, men inget avsnitt har id '{id}'"),
                              "en": Text("the field '{id}' is read from a section, but no section has the id '{id}'")},
    "schema.no_field": {"sv": Text("mallen har ingen uppgift (fields) '{id}'; den har {known:list}"),
                        "en": Text("the kind has no field '{id}'; it has {known:list}")},
    "schema.field_type": {"sv": Text("uppgiften '{id}' har typen '{type}'; här behövs {wanted:or}"),
                          "en": Text("the field '{id}' has the type '{type}'; this needs {wanted:or}")},
    "schema.no_section": {"sv": Text("mallen har inget avsnitt '{id}'; den har {known:list}"),
                          "en": Text("the kind has no section '{id}'; it has {known:list}")},
    "schema.no_table": {"sv": Text("mallen har ingen tabell '{id}'; den har {known:list}"),
                        "en": Text("the kind has no table '{id}'; it has {known:list}")},
    "schema.no_column": {"sv": Text("tabellen '{table}' har ingen kolumn {columns:and}; den har {known:list}"),
                         "en": Text("the table '{table}' has no column {columns:and}; it has {known:list}")},
    "schema.column_type": {"sv": Text("kolumnen '{column}' i tabellen '{table}' har typen '{type}' (tabellens "
                                      "types); här behövs '{wanted}'"),
                           "en": Text("the column '{column}' of the table '{table}' has the type '{type}' (the "
                                      "table's types); this needs '{wanted}'")},
    "schema.no_grid": {"sv": Text("mallen har inget schema (grid)"), "en": Text("the kind has no grid")},
    "schema.no_grid_column": {"sv": Text("schemat har ingen kolumn {columns:and}; det har {known:list}"),
                              "en": Text("the grid has no column {columns:and}; it has {known:list}")},
    "schema.unknown_category": {"sv": Text("'{category}' är ingen partkategori; de kända är {known:list} "
                                           "(common.yaml, party_categories)"),
                                "en": Text("'{category}' is no party category; the known ones are {known:list} "
                                           "(common.yaml, party_categories)")},
    "schema.category_priority": {"sv": Text("kategorierna '{category}' och '{other}' har båda prioritet {priority}; "
                                            "ett namn med ord från båda skulle avgöras av ordningen i filen"),
                                 "en": Text("the categories '{category}' and '{other}' both have the priority "
                                            "{priority}; a name with words of both would be told by the file's order")},
    "schema.heading_guidance": {"sv": Text("rubriken '{heading}' (avsnitt '{section}') är eller innehåller "
                                           "vägledningen '{guidance}' i avsnitt '{other}'; rubriken skulle hittas där "
                                           "vägledningen står och svälja den"),
                                "en": Text("the heading '{heading}' (section '{section}') is or holds the guidance "
                                           "'{guidance}' of section '{other}'; the heading would be found where the "
                                           "guidance stands and swallow it")},
    # -- a profile ---------------------------------------------------------------------------------
    "schema.unknown_kind": {"sv": Text("'{kind}' är ingen känd mall; de kända är {known:list}"),
                            "en": Text("'{kind}' is no known kind; the known ones are {known:list}")},
    "schema.not_profile_kind": {"sv": Text("'{kind}' är inte en av profilens mallar ({known:list})"),
                                "en": Text("'{kind}' is not one of the profile's kinds ({known:list})")},
    "schema.hours_without_rate": {"sv": Text("mallen '{kind}' räknar egen insats i timmar, men economics har inget "
                                             "hour_rate (kronor per timme): timmarna skulle räknas som 0 kr"),
                                  "en": Text("the kind '{kind}' counts own work in hours, but economics has no "
                                             "hour_rate (kronor an hour): the hours would count as 0 kr")},
    "schema.report_both": {"sv": Text("antingen period, covers_to och due, eller after_end, inte båda"),
                           "en": Text("either period, covers_to and due, or after_end, not both")},
    "schema.report_neither": {"sv": Text("en återkommande rapport behöver period, covers_to och due (eller after_end)"),
                              "en": Text("a recurring report needs period, covers_to and due (or after_end)")},
    "schema.not_day": {"sv": Text("'{value}' är ingen dag på året som MM-DD"),
                       "en": Text("'{value}' is not a day of the year as MM-DD")},
    "schema.not_due_day": {"sv": Text("'{value}' är ingen dag på året som MM-DD (eller +MM-DD: året efter)"),
                           "en": Text("'{value}' is not a day of the year as MM-DD (or +MM-DD: the year after)")},
    "schema.form_outside": {"sv": Text("'{path}' ligger inte i {folder}"), "en": Text("'{path}' is not inside {folder}")},
    "schema.form_missing": {"sv": Text("ingen fil '{path}' i {folder}"), "en": Text("no file '{path}' in {folder}")},
    "schema.form_format": {"sv": Text("'{path}' är ingen .{format}-fil"), "en": Text("'{path}' is not a .{format} file")},
    "schema.unknown_rule": {"sv": Text("okänd regel '{name}'"), "en": Text("unknown rule '{name}'")},
    "schema.kind_lacks": {"sv": Text("mallen '{kind}' har inte {needs:and} som regeln läser (roles i "
                                     "kinds/{kind}.yaml)"),
                          "en": Text("the kind '{kind}' does not map {needs:and}, which the rule reads (roles in "
                                     "kinds/{kind}.yaml)")},
    "schema.no_kind_has": {"sv": Text("ingen av profilens mallar har {needs:and} som regeln läser"),
                           "en": Text("no kind of the profile has {needs:and}, which the rule reads")},
    "schema.needs_economics": {"sv": Text("regeln '{rule}' behöver profilens economics (economics.kinds)"),
                               "en": Text("the rule '{rule}' needs the profile's economics (economics.kinds)")},
    "schema.economics_kind": {"sv": Text("regeln '{rule}' körs på '{kind}', som profilens economics.kinds inte "
                                         "räknar"),
                              "en": Text("the rule '{rule}' runs on '{kind}', which the profile's economics.kinds "
                                         "does not count")},
    "schema.track_words_clash": {"sv": Text("'{word}' betyder både spåret '{other}' och spåret '{track}'"),
                                 "en": Text("'{word}' means both the track '{other}' and the track '{track}'")},
    "schema.tracks_no_field": {"sv": Text("profilen har spår, men ingen av dess mallar ({kinds:list}) anger vilken "
                                          "uppgift som säger spåret (roles.track)"),
                               "en": Text("the profile has tracks, but none of its kinds ({kinds:list}) says which "
                                          "field names the track (roles.track)")},
    "schema.track_no_field": {"sv": Text("spåret ändrar regeln '{rule}', som körs på {kinds:and} där ingen uppgift "
                                         "säger spåret (roles.track)"),
                              "en": Text("the track changes the rule '{rule}', which runs on {kinds:and}, where no "
                                         "field names the track (roles.track)")},
    "schema.track_submission_rule": {"sv": Text("regeln '{rule}' gäller hela inskicket och kan inte skilja sig "
                                                "mellan spår"),
                                     "en": Text("the rule '{rule}' judges the whole submission and cannot differ "
                                                "between tracks")},
    # -- hints ---------------------------------------------------------------------------------------
    "schema.hint.share": {"sv": Text("en andel skrivs som ett tal mellan 0 och 1: skriv {share} för {percent} %"),
                          "en": Text("a share is written as a number between 0 and 1: write {share} for {percent} %")},
    "schema.hint.quote": {"sv": Text("skriv '{text}' inom citattecken"), "en": Text("write '{text}' in quotes")},
    "schema.hint.known": {"sv": Text("här kan stå {known:list}"), "en": Text("what may stand here: {known:list}")},
    "schema.hint.close": {"sv": Text("menade du '{close}'?"), "en": Text("did you mean '{close}'?")},
    "schema.hint.did_you_mean": {"sv": Text("menade du '{close}'? Här kan stå {known:list}"),
                                 "en": Text("did you mean '{close}'? What may stand here: {known:list}")},
}
