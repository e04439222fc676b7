"""The follow-up stage's outputs (SPEC §9, issue 21): the follow-up workbook (book, store,
sheets/) on the generic workbook layer, as the register is, and the calendar file
(calendar). docs/architecture.md, "Outputs (render/)", has the map."""
