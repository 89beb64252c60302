"""Publishing corrections: the dated notice on the article, the public log and feed,
schema.org markup, the readers told — and alerts for edits made without a notice."""
