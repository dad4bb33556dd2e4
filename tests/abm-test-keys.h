/* abm-test-keys.h: typing on the virtual display's keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* TRUE on an X11 display with the XTEST extension (Xvfb has it). */
gboolean abm_test_keys_available (void);
/* Gives @window the keyboard, as a window manager does to the window it
 * raises, and waits until GTK sees it active. */
void     abm_test_keys_focus     (GtkWindow       *window);
/* Presses and releases @keyval with @modifiers held, through the X server
 * (so through GTK's own key handling), and runs what it set going. */
void     abm_test_keys_press     (guint            keyval,
                                  GdkModifierType  modifiers);
/* Types @text, a character at a time. */
void     abm_test_keys_type      (const char      *text);

G_END_DECLS
