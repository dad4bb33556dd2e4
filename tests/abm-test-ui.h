/* abm-test-ui.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-application.h"
#include "abm-window.h"
#include "abm-workspace.h"

G_BEGIN_DECLS

AbmApplication *abm_test_ui_init          (int         *argc,
                                           char      ***argv);
void            abm_test_ui_init_widgets  (int         *argc,
                                           char      ***argv);
void            abm_test_ui_iterate       (void);
GtkWidget      *abm_test_ui_find_widget   (GtkWidget   *root,
                                           GType        type,
                                           const char  *title);
GtkWindow      *abm_test_ui_find_toplevel (GType        type);
AdwMessageDialog *abm_test_ui_find_message_dialog (const char *heading);
AdwViewStack   *abm_test_ui_find_view_stack (GtkWidget *root,
                                           const char  *page);
guchar         *abm_test_ui_render_widget (GtkWidget   *widget,
                                           int         *width,
                                           int         *height);
/* As abm_test_ui_find_widget(), and the test fails when none is shown. */
GtkWidget      *abm_test_ui_get_widget    (GtkWidget   *root,
                                           GType        type,
                                           const char  *title);
void            abm_test_ui_click         (GtkWidget   *root,
                                           const char  *label);
/* Sets the text of the entry row titled @row_title (with NULL, of the
 * search entry), as typing would. */
void            abm_test_ui_type_into     (GtkWidget   *root,
                                           const char  *row_title,
                                           const char  *text);
/* Answers @dialog with @response, as its button would; the response
 * must be offered. */
void            abm_test_ui_respond       (AdwMessageDialog *dialog,
                                           const char  *response);
/* The shown preferences group titled @title under @root, or NULL. */
GtkWidget      *abm_test_ui_find_group    (GtkWidget   *root,
                                           const char  *title);
void            abm_test_ui_close         (GtkWidget   *window);
void            abm_test_ui_remove_dir    (const char  *dir);
AbmWorkspace   *abm_test_ui_reread        (const char  *path);
gboolean        abm_test_ui_wait_for      (gboolean   (*done) (gpointer),
                                           gpointer     data,
                                           guint        timeout_ms);
AbmWindow      *abm_test_ui_window_on     (AbmApplication *app,
                                           const char  *path);

G_END_DECLS
