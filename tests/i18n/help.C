usage: ip-new --name NAME [options] [FILE|-]
Write a new individual plan (individuell plan) to FILE, or to standard
output with - or no FILE: a skeleton that holds what is known and
shows, at each of the items a-i, what the regulation asks for.

      --name NAME                the person the plan is for (required)
      --national-id ID           the national id (fødselsnummer, D-,
                                 H- or FH-nummer)
      --birth-date DATE          birth date (default: from --national-id)
      --coordinator NAME         the coordinator
      --start DATE               first day of the period (default: today)
      --period N{d|w|m|y}        length of the period (default: 1y)
      --reviews N                N review dates spread over the period
      --review-interval N{d|w|m|y}
                                 a review date every interval
      --language nb|nn|en        language of the plan (default: nb)
      --care voluntary|compulsory
                                 compulsory: under compulsory mental health
                                 care (default: voluntary)
      --id ID                    the plan's id
      --template FILE|-          start from this template, not the built-in one
  -f, --force                    replace FILE if it exists
      --no-schema                no line that points editors at the JSON
                                 Schema of plans
      --today DATE               take DATE (YYYY-MM-DD) as today
  -h, --help                     show this help and exit
  -V, --version                  show the version and exit

Exit status: 0 written, 2 trouble.  See ip-new(1).
usage: ip-validate [-q] [--strict] [-j N] [--today YYYY-MM-DD] [FILE|DIR|-]...
       ip-validate --print-hook-dir | --check-hooks
Check individual plans (individuell plan) against the nine items of
the regulation and for consistency.  Directories are searched for
*.yaml and *.yml; - or no FILE reads standard input.

  -q, --quiet            do not show warnings
      --strict           count warnings as errors
  -j, --jobs N           check N files at once (default: the cores)
      --today DATE       check as of DATE (YYYY-MM-DD)
      --print-hook-dir   show where iplan's git hooks are installed
      --check-hooks      tell whether git runs them in this repository
  -h, --help             show this help and exit
  -V, --version          show the version and exit

Exit status: 0 clean, 1 findings, 2 trouble.  See ip-validate(1).
usage: ip-review [--within N{d|w|m|y}] [--by-coordinator] [--format text|tsv|ics]
                 [--language nb|nn|en] [--mail[=mbox]] [--mail-to ADDR]
                 [--mail-from ADDR] [--draft-days N] [-j N]
                 [--today YYYY-MM-DD] [FILE|DIR|-]...
Report what is due in individual plans (individuell plan): reviews due or
overdue, plan periods and consents ending, open sub-goals past their date,
measures ended without a review, plans never reviewed, drafts left unfinished.
Directories are searched for *.yaml and *.yml; - or no FILE reads standard
input.  Nothing is printed when nothing is due.

      --within N{d|w|m|y}
                         report what falls due within N days, weeks,
                         months or years (default: 30d)
      --by-coordinator   group the findings under each coordinator
      --format FORMAT    text (default), tsv or ics (a calendar)
      --language LANG    the calendar's language for every plan: nb, nn or en
                         (default: each plan's own)
      --mail[=mbox]      mail each coordinator what is due in their plans,
                         through sendmail(8), or write the messages as an mbox
      --mail-to ADDR     where the plans without a coordinator's address go
                         (default: the sender)
      --mail-from ADDR   the sender (default: you, at this host)
      --draft-days N     report a draft begun more than N days ago (default: 30)
  -j, --jobs N           read N files at once (default: the cores)
      --today DATE       report as of DATE (YYYY-MM-DD)
  -h, --help             show this help and exit
  -V, --version          show the version and exit

Exit status: 0 nothing due, 1 something due, 2 trouble.  See ip-review(1).
usage: ip-export [--format markdown|html|xml|fhir|fhir-json] [--language nb|nn|en]
                 [--for ID] [--bundle collection|transaction] [--revision TEXT]
                 [-o FILE [-f]] [--today YYYY-MM-DD] [FILE|-]
       ip-export --consent-form [--format markdown|html] [--language nb|nn|en]
                 [-o FILE [-f]] [FILE|-]
       ip-export --list-participants [FILE|-]
Render an individual plan (individuell plan) as a readable document in
Markdown or HTML, or as XML or an HL7 FHIR R4 Bundle for other systems.
- or no FILE reads standard input.

      --format FORMAT    markdown (the default), html, xml, fhir (XML) or
                         fhir-json
      --language LANG    nb, nn or en (default: the plan's language)
      --for ID           the view for one participant: what the consent
                         to share information lets them see
      --bundle TYPE      a FHIR Bundle of type collection (the default) or
                         transaction, which a server loads
      --consent-form     the form on which the person signs the consent
      --revision TEXT    the version of the plan, for the footer (a commit id)
      --list-participants
                         write only the ids of the plan's participants, for
                         shell completion
  -o, --output FILE      write to FILE, replacing it, not to standard output
  -f, --force            replace FILE even if it is a plan
      --today DATE       take DATE (YYYY-MM-DD) as today
  -h, --help             show this help and exit
  -V, --version          show the version and exit

Exit status: 0 written, 1 the plan has errors, 2 trouble.  See ip-export(1).
usage: ip-stats [--by coordinator|organization|legal-basis|language|
                participant-organization] [--format text|tsv|json|html]
                [-j N] [--today YYYY-MM-DD] [FILE|DIR|-]...
Count individual plans (individuell plan) as of a day, from their dates:
active and closed, evaluated in the last 12 months, never evaluated, review
overdue, plan period ended, consent to share expired or withdrawn, and with
validation errors.  Directories are searched for *.yaml and *.yml; - or no FILE
reads standard input.

      --by WHAT          the figures for each coordinator, organization (the
                         coordinator's), legal-basis, language or
                         participant-organization (each participant's) too
      --format FORMAT    text (default), tsv, json or html (a page with charts)
  -j, --jobs N           read N files at once (default: the cores)
      --today DATE       count as of DATE (YYYY-MM-DD)
  -h, --help             show this help and exit
  -V, --version          show the version and exit

Exit status: 0 every file counted, 2 trouble (a file that does not load is
reported and counted nowhere).  See ip-stats(1).
