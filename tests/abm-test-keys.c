/* abm-test-keys.c: typing on the virtual display's keyboard
 *
 * GTK 4 has no way to send a widget a key press. The X server's XTEST
 * extension presses real keys: the event comes back from the server like
 * any other and goes through GTK's shortcuts, focus chain and widgets as
 * a person's would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "abm-test-keys.h"
#include "abm-test-ui.h"

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  return GDK_IS_X11_DISPLAY (display) ? gdk_x11_display_get_xdisplay (display) : NULL;
}

gboolean
abm_test_keys_available (void)
{
  Display *dpy = x_display ();
  int event_base, error_base, major, minor;

  return dpy != NULL && XTestQueryExtension (dpy, &event_base, &error_base, &major, &minor);
}

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

void
abm_test_keys_focus (GtkWindow *window)
{
  Display *dpy = x_display ();
  GdkSurface *surface;

  gtk_window_present (window);
  abm_test_ui_iterate ();
  g_assert_true (abm_test_ui_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, window, 5000));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToPointerRoot, CurrentTime);
  XSync (dpy, False);
  g_assert_true (abm_test_ui_wait_for (is_active, window, 5000));
}

/* The events the server made for our requests arrive before its reply to
 * XSync: after it, GTK has them all to handle. */
static void
settle (Display *dpy)
{
  XSync (dpy, False);
  abm_test_ui_iterate ();
}

static void
fake (Display *dpy,
      KeySym   keysym,
      gboolean down)
{
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (dpy, code, down, CurrentTime);
}

void
abm_test_keys_press (guint           keyval,
                     GdkModifierType modifiers)
{
  Display *dpy = x_display ();
  KeyCode code = XKeysymToKeycode (dpy, keyval);
  /* A capital or a symbol on the shifted level needs Shift held. */
  gboolean shift = (modifiers & GDK_SHIFT_MASK)
                   || (XkbKeycodeToKeysym (dpy, code, 0, 0) != keyval
                       && XkbKeycodeToKeysym (dpy, code, 0, 1) == keyval);

  g_assert_nonnull (dpy);
  g_assert_cmpuint (code, !=, 0);
  if (modifiers & GDK_CONTROL_MASK)
    fake (dpy, XK_Control_L, TRUE);
  if (modifiers & GDK_ALT_MASK)
    fake (dpy, XK_Alt_L, TRUE);
  if (shift)
    fake (dpy, XK_Shift_L, TRUE);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  if (shift)
    fake (dpy, XK_Shift_L, FALSE);
  if (modifiers & GDK_ALT_MASK)
    fake (dpy, XK_Alt_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    fake (dpy, XK_Control_L, FALSE);
  settle (dpy);
}

void
abm_test_keys_type (const char *text)
{
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    abm_test_keys_press (gdk_unicode_to_keyval (g_utf8_get_char (c)), 0);
}
