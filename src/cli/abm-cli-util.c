/* abm-cli-util.c: option parsing, messages and checked output for abmctl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-importer.h"
#include "abm-workspace.h"

/* The first write error on stdout; later writes are skipped. */
static int output_errno;
/* A workspace's changes did not reach its file (abm_cli_close()). */
static gboolean write_back_failed;

gboolean
abm_cli_parse_args (const AbmCliCommand  *command,
                    const char           *parameters,
                    const char           *description,
                    const GOptionEntry   *entries,
                    int                  *argc,
                    char               ***argv,
                    guint                 n_files,
                    char                **files,
                    int                  *status)
{
  g_autofree char *prgname = g_strdup_printf ("abmctl %s", command->name);
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean help = FALSE;
  const GOptionEntry common[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  guint n_args;

  /* The usage line reads "abmctl add [OPTION…] FILE". */
  g_set_prgname (prgname);

  /* Help goes through our checked output rather than GLib's exit(). */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = abm_cli_usage_error (command->name, "%s", error->message);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      abm_cli_print ("%s", text);
      *status = ABM_CLI_EXIT_OK;
      return FALSE;
    }

  n_args = args ? g_strv_length (args) : 0;
  if (n_args == 0)
    {
      *status = abm_cli_usage_error (command->name, _("No workspace file given"));
      return FALSE;
    }
  if (n_args < n_files)
    {
      *status = abm_cli_usage_error (command->name, _("Missing argument: %s"), _(parameters));
      return FALSE;
    }
  if (n_args > n_files)
    {
      g_autofree char *shown = g_filename_display_name (args[n_files]);

      *status = abm_cli_usage_error (command->name, _("Unexpected argument “%s”"), shown);
      return FALSE;
    }

  for (guint i = 0; i < n_files; i++)
    files[i] = g_strdup (args[i]);
  return TRUE;
}

gboolean
abm_cli_parse_file_args (const AbmCliCommand  *command,
                         const char           *description,
                         const GOptionEntry   *entries,
                         int                  *argc,
                         char               ***argv,
                         char                **file,
                         int                  *status)
{
  return abm_cli_parse_args (command, N_("FILE"), description, entries,
                             argc, argv, 1, file, status);
}

int
abm_cli_usage_error (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("abmctl: %s\n", message);
  if (command != NULL)
    /* Translators: %s is a command such as “abmctl add --help”. */
    g_printerr (_("Try “abmctl %s --help” for more information.\n"), command);
  else
    g_printerr (_("Try “abmctl --help” for more information.\n"));

  return ABM_CLI_EXIT_USAGE;
}

static int
fail_with_message (const char *text)
{
  g_autofree char *message = g_strdup (text);

  /* One line, whatever SQLite or a file system put in the message. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("abmctl: %s\n", message);

  return ABM_CLI_EXIT_FAILURE;
}

AbmAccount *
abm_cli_find_account (AbmWorkspace  *workspace,
                      const char    *domain_or_name,
                      GError       **error)
{
  AbmAccount *account = abm_workspace_find_account (workspace, domain_or_name);

  if (account == NULL)
    g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND,
                 _("No account has the domain or name “%s”"), domain_or_name);
  return account;
}

int
abm_cli_fail (const GError *error)
{
  return fail_with_message (error->message);
}

/* UTF-8 is taken as it is, so that a script running in the C locale can
 * still add "Müller GmbH"; anything else comes from the locale's charset. */
gboolean
abm_cli_text_arg (const char  *option,
                  char       **value,
                  int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char *converted;

  if (*value == NULL || g_utf8_validate (*value, -1, NULL))
    return TRUE;

  converted = g_locale_to_utf8 (*value, -1, NULL, NULL, &error);
  if (converted != NULL)
    {
      g_free (*value);
      *value = converted;
      return TRUE;
    }

  message = g_strdup_printf (_("The value of --%s is not valid text: %s"), option, error->message);
  *status = fail_with_message (message);
  return FALSE;
}

void
abm_cli_write (const char *data,
               gssize      len)
{
  gsize size = len < 0 ? strlen (data) : (gsize) len;

  if (output_errno != 0 || size == 0)
    return;

  errno = 0;
  if (fwrite (data, 1, size, stdout) != size)
    output_errno = errno != 0 ? errno : EIO;
}

void
abm_cli_print (const char *format,
               ...)
{
  g_autofree char *text = NULL;
  const char *charset = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_get_charset (&charset))
    abm_cli_write (text, -1);
  else
    {
      g_autofree char *converted =
        g_convert_with_fallback (text, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

      abm_cli_write (converted != NULL ? converted : text, -1);
    }
}

void
abm_cli_write_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize len = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &len);

  abm_cli_write (data, (gssize) len);
  abm_cli_write ("\n", 1);
}

gboolean
abm_cli_flush_output (void)
{
  g_autofree char *message = NULL;

  if (output_errno == 0)
    {
      errno = 0;
      if (fflush (stdout) != 0 || ferror (stdout))
        output_errno = errno != 0 ? errno : EIO;
    }

  if (output_errno == 0)
    return !write_back_failed;

  message = g_strdup_printf (_("Could not write the output: %s"), g_strerror (output_errno));
  g_printerr ("abmctl: %s\n", message);
  return FALSE;
}

/* Freeing 100,000 accounts one by one only to exit costs a tenth of an
 * import: objects handed here stay referenced until the process ends. */
void
abm_cli_keep_until_exit (gpointer object)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, object);
}

void
abm_cli_print_rejects (GPtrArray *rejects)
{
  for (guint i = 0; i < rejects->len; i++)
    {
      AbmImportReject *reject = rejects->pdata[i];

      abm_cli_print (_("line %" PRIu64 ": %s\n"), reject->line, reject->reason);
    }
}

void
abm_cli_close (AbmWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  const char *kept_aside = abm_workspace_get_kept_aside (workspace);

  /* Said, not failed: the command did its work on the file as it is. */
  if (kept_aside != NULL)
    {
      g_autofree char *shown = g_filename_display_basename (abm_workspace_get_path (workspace));
      g_autofree char *kept = g_filename_display_name (kept_aside);
      g_autofree char *message =
        g_strdup_printf (_("The last changes of an earlier session could not be written to “%s”, "
                           "which another program changed meanwhile; they are kept, not merged, in “%s”"),
                         shown, kept);

      g_printerr ("abmctl: %s\n", message);
    }
  if (!abm_workspace_sync_document (workspace, &error))
    {
      g_autofree char *kept = g_filename_display_name (abm_workspace_get_working_copy (workspace));
      g_autofree char *message =
        /* Translators: the first %s says why a file could not be saved */
        g_strdup_printf (_("%s. The changes are kept in “%s” until the file is opened again."),
                         error->message, kept);

      fail_with_message (message);
      write_back_failed = TRUE;
    }
  abm_workspace_close (workspace);
}
