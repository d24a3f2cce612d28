/*
 * ip-export - render an individual plan as a document or as XML.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

enum { O_FORMAT = 0x200, O_LANGUAGE, O_FOR, O_CONSENT_FORM, O_REVISION,
	O_LIST_PARTICIPANTS, O_BUNDLE };

static const struct ip_opt opts[] = {
	{ "format", O_FORMAT, IP_ARG_WORDS, ip_export_formats },
	{ "language", O_LANGUAGE, IP_ARG_WORDS, ip_vocab_lang },
	{ "for", O_FOR, IP_ARG_PARTICIPANT, NULL },
	{ "bundle", O_BUNDLE, IP_ARG_WORDS, ip_export_bundles },
	{ "consent-form", O_CONSENT_FORM, IP_ARG_NONE, NULL },
	{ "revision", O_REVISION, IP_ARG_TEXT, NULL },
	{ "output", 'o', IP_ARG_FILE, NULL },
	/* for shell completion: see ip-export(1) */
	{ "list-participants", O_LIST_PARTICIPANTS, IP_ARG_NONE, NULL },
	{ "force", 'f', IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-export",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-export [--format markdown|html|xml|fhir|"
	    "fhir-json] [--language nb|nn|en]\n"
	    "                 [--for ID] [--bundle collection|transaction] "
	    "[--revision TEXT]\n"
	    "                 [-o FILE [-f]] [--today YYYY-MM-DD] "
	    "[FILE|-]\n"
	    "       ip-export --consent-form [--format markdown|html] "
	    "[--language nb|nn|en]\n"
	    "                 [-o FILE [-f]] [FILE|-]\n"
	    "       ip-export --list-participants [FILE|-]\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values (nb|nn|en, text|tsv) nor the names that
	 * stand for values (FILE, DIR, N, DATE, ID); keep the columns lined
	 * up and the lines within 80 columns. */
	.help = N_("Render an individual plan (individuell plan) as a "
	    "readable document in\nMarkdown or HTML, or as XML or an HL7 FHIR "
	    "R4 Bundle for other systems.\n- or no FILE reads standard "
	    "input.\n"
	    "\n"
	    "      --format FORMAT    markdown (the default), html, xml, "
	    "fhir (XML) or\n"
	    "                         fhir-json\n"
	    "      --language LANG    nb, nn or en (default: the plan's "
	    "language)\n"
	    "      --for ID           the view for one participant: what "
	    "the consent\n"
	    "                         to share information lets them see\n"
	    "      --bundle TYPE      a FHIR Bundle of type collection (the "
	    "default) or\n"
	    "                         transaction, which a server loads\n"
	    "      --consent-form     the form on which the person signs the "
	    "consent\n"
	    "      --revision TEXT    the version of the plan, for the footer "
	    "(a commit id)\n"
	    "      --list-participants\n"
	    "                         write only the ids of the plan's "
	    "participants, for\n"
	    "                         shell completion\n"
	    "  -o, --output FILE      write to FILE, replacing it, not to "
	    "standard output\n"
	    "  -f, --force            replace FILE even if it is a plan\n"
	    "      --today DATE       take DATE (YYYY-MM-DD) as today\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "Exit status: 0 written, 1 the plan has errors, 2 trouble.  "
	    "See ip-export(1).\n"),
};

int
main(int argc, char *argv[])
{
	struct ip_export_cli o = { .how = { .lang = -1 } };
	struct ip_export_how *h = &o.how;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	bool list = false;
	int c, rc, w;

	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case O_FORMAT:
			if (ip_opt_word(&cli.err, "format", optarg,
			    ip_export_formats, &w) != 0)
				return IP_EXIT_TROUBLE;
			h->format = (enum ip_export_format)w;
			break;
		case O_LANGUAGE:
			if (ip_opt_word(&cli.err, "language", optarg,
			    ip_vocab_lang, &h->lang) != 0)
				return IP_EXIT_TROUBLE;
			break;
		case O_FOR:
			if (h->for_id != NULL) {
				ip_error(cli.prog, _("--for given twice: one "
				    "view at a time"));
				return ip_cli_usage(&cli);
			}
			h->for_id = optarg;
			break;
		case O_BUNDLE:
			if (ip_opt_word(&cli.err, "bundle", optarg,
			    ip_export_bundles, &w) != 0)
				return IP_EXIT_TROUBLE;
			h->bundle = (enum ip_export_bundle)(w + 1);
			break;
		case O_CONSENT_FORM: h->consent_form = true; break;
		case O_REVISION: h->revision = optarg; break;
		case 'o': o.output = optarg; break;
		case O_LIST_PARTICIPANTS: list = true; break;
		case 'f': o.force = true; break;
		default:
			if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
				return rc;
		}
	}
	if ((rc = ip_cli_operands(&cli, argc - optind, 0, 1)) != 0)
		return rc;
	if (list)
		return ip_finish_stdout(cli.prog,
		    ip_list_ids(argv[optind], IP_IDS_PARTICIPANTS,
		    stdout));
	h->today = ip_cli_today(&cli);
	if (epoch != NULL && ip_source_date(epoch, &h->generated,
	    &cli.err) != 0)
		return IP_EXIT_TROUBLE;
	h->has_generated = epoch != NULL;
	return ip_export(argv[optind], &o, ip_export_render, cli.prog);
}
