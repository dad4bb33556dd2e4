/* abm-sample.c: a realistic, deterministic sample program
 *
 * The same seed gives the same accounts on every machine (GRand is a
 * Mersenne Twister with a fixed algorithm), so the sample is also the
 * yardstick of the benchmarks. Each feature adds its data here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-date.h"
#include "abm-readiness.h"
#include "abm-sample.h"

static const char *const name_first[] = {
  "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Stark",
  "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Vandelay", "Hooli", "Pied Piper",
  "Aperture", "Black Mesa", "Oscorp", "Massive Dynamic", "Blue Sun", "Gringotts",
  "Monarch", "Atlas", "Meridian", "Summit", "Harbor", "Granite", "Evergreen",
  "Silverline", "Keystone", "Pinnacle", "Redwood", "Lakeside", "Beacon",
  "Crescent", "Horizon", "Ironbridge", "Juniper", "Kestrel", "Lumen", "Northstar",
};

static const struct {
  const char *industry;
  const char *suffixes[4];
} industries[] = {
  { "Banking", { "Bank", "Bancorp", "Savings", "Trust" } },
  { "Insurance", { "Insurance", "Mutual", "Assurance", "Re" } },
  { "Asset Management", { "Capital", "Investments", "Asset Management", "Partners" } },
  { "Healthcare", { "Health", "Medical", "Care", "Clinics" } },
  { "Pharmaceuticals", { "Pharma", "Therapeutics", "Biosciences", "Labs" } },
  { "Manufacturing", { "Industries", "Manufacturing", "Works", "Systems" } },
  { "Retail", { "Retail", "Stores", "Markets", "Brands" } },
  { "Software", { "Software", "Technologies", "Labs", "Cloud" } },
  { "Telecommunications", { "Telecom", "Networks", "Communications", "Mobile" } },
  { "Energy", { "Energy", "Power", "Utilities", "Renewables" } },
  { "Logistics", { "Logistics", "Freight", "Shipping", "Transport" } },
  { "Public Sector", { "Authority", "Agency", "Council", "Services" } },
};

static const struct {
  const char *country;
  const char *tld;
  const char *cities[3];
  const char *legal[2];   /* company forms of the country */
  guint       weight;
} countries[] = {
  { "United States", "com", { "New York", "Chicago", "San Francisco" }, { " Inc.", " Corp." }, 30 },
  { "United Kingdom", "co.uk", { "London", "Manchester", "Edinburgh" }, { " Ltd", " plc" }, 12 },
  { "Germany", "de", { "Frankfurt", "Munich", "Hamburg" }, { " GmbH", " AG" }, 12 },
  { "France", "fr", { "Paris", "Lyon", "Toulouse" }, { " SA", " SAS" }, 8 },
  { "Netherlands", "nl", { "Amsterdam", "Rotterdam", "Utrecht" }, { " BV", " NV" }, 6 },
  { "Switzerland", "ch", { "Zürich", "Geneva", "Basel" }, { " AG", " SA" }, 5 },
  { "Sweden", "se", { "Stockholm", "Gothenburg", "Malmö" }, { " AB", "" }, 4 },
  { "Spain", "es", { "Madrid", "Barcelona", "Valencia" }, { " SA", " SL" }, 5 },
  { "Italy", "it", { "Milan", "Rome", "Turin" }, { " SpA", " Srl" }, 5 },
  { "Canada", "ca", { "Toronto", "Montréal", "Vancouver" }, { " Inc.", " Ltd" }, 5 },
  { "Australia", "com.au", { "Sydney", "Melbourne", "Brisbane" }, { " Pty Ltd", " Ltd" }, 4 },
  { "Japan", "jp", { "Tokyo", "Osaka", "Nagoya" }, { " KK", "" }, 4 },
};

static const char *const technologies[] = {
  "Salesforce", "HubSpot", "Microsoft Dynamics", "SAP", "Oracle", "Workday",
  "ServiceNow", "Snowflake", "Databricks", "AWS", "Azure", "Google Cloud",
  "Marketo", "Zendesk", "Temenos", "Guidewire", "Epic", "Shopify",
};

static const char *const topics[] = {
  "cloud migration", "core banking", "data governance", "customer data platform",
  "fraud detection", "regulatory reporting", "supply chain visibility",
  "cybersecurity", "AI assistants", "cost reduction",
};

static const char *const aes[] = {
  "Dana Smith", "Jana Weber", "Marc Dubois", "Priya Nair", "Tom Becker", "Lucía Romero",
};

static const char *const marketers[] = {
  "Lee Park", "Ana Li", "Tom Ruiz", "Sofia Rossi",
};

static guint
pick_weighted_country (GRand *rand)
{
  guint total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    total += countries[i].weight;
  roll = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (roll < countries[i].weight)
        return i;
      roll -= countries[i].weight;
    }
  return 0;
}

/* A few distinct items of @pool, "; "-separated, or NULL. */
static char *
pick_list (GRand             *rand,
           const char *const *pool,
           guint              n_pool,
           guint              max_items)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = (guint) g_rand_int_range (rand, 0, (gint32) max_items + 1);
  guint64 used = 0;

  for (guint i = 0; i < n; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, (gint32) n_pool);

      if (used & (G_GUINT64_CONSTANT (1) << k))
        continue;
      used |= G_GUINT64_CONSTANT (1) << k;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, pool[k]);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
set (AbmAccount      *account,
     AbmAccountField  field,
     const char      *text)
{
  g_autoptr(GError) error = NULL;

  if (!abm_account_set_field_text (account, field, text, &error))
    g_critical ("Sample data rejected for %s: %s", abm_account_field_key (field), error->message);
}

static void
set_number (AbmAccount      *account,
            AbmAccountField  field,
            double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  set (account, field, g_ascii_formatd (buf, sizeof buf, "%.0f", value));
}

GPtrArray *
abm_sample_accounts (guint   n_accounts,
                     guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *accounts = g_ptr_array_new_full (n_accounts, g_object_unref);

  for (guint i = 0; i < n_accounts; i++)
    {
      AbmAccount *account = abm_account_new ();
      guint ind = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (industries));
      guint c = pick_weighted_country (rand);
      const char *first = name_first[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_first))];
      const char *suffix = industries[ind].suffixes[g_rand_int_range (rand, 0, 4)];
      const char *form = g_rand_boolean (rand) ? "" : countries[c].legal[g_rand_int_range (rand, 0, 2)];
      g_autofree char *base = g_strdup_printf ("%s %s", first, suffix);
      g_autofree char *name = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *domain = NULL;
      g_autofree char *tech = NULL;
      g_autofree char *intent = NULL;
      const char *city;
      double employees, revenue, stage_roll;

      /* Company sizes are roughly log-normal: many mid-sized, few giants. */
      employees = round (exp (g_rand_double_range (rand, log (50), log (250000))));
      revenue = employees * g_rand_double_range (rand, 120000, 450000);

      city = countries[c].cities[g_rand_int_range (rand, 0, 3)];
      slug = g_ascii_strdown (base, -1);
      g_strdelimit (slug, " ", '-');
      domain = g_strdup_printf ("%s.%s", slug, countries[c].tld);
      name = g_strdup_printf ("%s%s", base, form);
      /* A second "Northwind Bank" in the list is a regional one. */
      for (guint n = 1; g_hash_table_contains (domains, domain); n++)
        {
          g_autofree char *region = g_ascii_strdown (city, -1);

          g_strdelimit (region, " ", '-');
          g_free (domain);
          g_free (name);
          if (n == 1)
            {
              domain = g_strdup_printf ("%s-%s.%s", slug, region, countries[c].tld);
              name = g_strdup_printf ("%s %s%s", base, city, form);
            }
          else
            {
              domain = g_strdup_printf ("%s-%s-%u.%s", slug, region, n, countries[c].tld);
              name = g_strdup_printf ("%s %s %u%s", base, city, n, form);
            }
        }
      g_hash_table_add (domains, g_strdup (domain));

      set (account, ABM_ACCOUNT_FIELD_NAME, name);
      set (account, ABM_ACCOUNT_FIELD_DOMAIN, domain);
      set (account, ABM_ACCOUNT_FIELD_INDUSTRY, industries[ind].industry);
      set_number (account, ABM_ACCOUNT_FIELD_EMPLOYEES, employees);
      set_number (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, round (revenue / 1000) * 1000);
      set (account, ABM_ACCOUNT_FIELD_COUNTRY, countries[c].country);
      set (account, ABM_ACCOUNT_FIELD_CITY, city);
      set_number (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL,
                  CLAMP (round (revenue * 0.00004 / 1000) * 1000, 10000, 2000000));
      set (account, ABM_ACCOUNT_FIELD_OWNER_AE, aes[g_rand_int_range (rand, 0, G_N_ELEMENTS (aes))]);
      set (account, ABM_ACCOUNT_FIELD_OWNER_MARKETER,
           marketers[g_rand_int_range (rand, 0, G_N_ELEMENTS (marketers))]);
      tech = pick_list (rand, technologies, G_N_ELEMENTS (technologies), 4);
      intent = pick_list (rand, topics, G_N_ELEMENTS (topics), 2);
      set (account, ABM_ACCOUNT_FIELD_TECHNOLOGIES, tech);
      set (account, ABM_ACCOUNT_FIELD_INTENT_TOPICS, intent);
      set (account, ABM_ACCOUNT_FIELD_TARGET, g_rand_double (rand) < 0.4 ? "yes" : "no");
      /* A CRM's own field, kept as a custom field: the sales segment. It
       * draws no random number, so the accounts stay what they were. */
      abm_account_set_custom (account, "Segment",
                              employees >= 5000 ? "Enterprise" :
                              employees >= 500 ? "Mid-Market" : "SMB", NULL);

      /* The journey is told by activities and deals now (see
       * add_sample_engagement()); the roll stays so that the accounts
       * after it are the same for a seed as they always were. */
      stage_roll = g_rand_double (rand);
      (void) stage_roll;

      g_ptr_array_add (accounts, account);
    }

  return accounts;
}

/* A profile for enterprise financial services: what the sample's accounts
 * are scored against. */
static void
add_sample_icp (AbmIcp *icp)
{
  static const struct {
    AbmIcpKind  kind;
    const char *values[5];
    double      min, max, weight;
    gboolean    must_have;
  } criteria[] = {
    { ABM_ICP_INDUSTRY, { "Banking", "Insurance", "Asset Management", NULL }, 0, 0, 3, FALSE },
    { ABM_ICP_EMPLOYEES, { NULL }, 1000, ABM_ICP_OPEN, 2, TRUE },
    { ABM_ICP_COUNTRY, { "United States", "United Kingdom", "Germany", "Switzerland", NULL }, 0, 0, 1, FALSE },
    { ABM_ICP_TECHNOLOGY, { "Salesforce", "Snowflake", NULL }, 0, 0, 1, FALSE },
    { ABM_ICP_COMPETITOR, { "Temenos", NULL }, 0, 0, 1, FALSE },
    { ABM_ICP_INTENT, { "core banking", "cloud migration", "regulatory reporting", NULL }, 0, 0, 2, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      int index = abm_icp_add_criterion (icp, criteria[i].kind, NULL);

      g_assert (index >= 0);
      if (abm_icp_kind_is_range (criteria[i].kind))
        abm_icp_set_range (icp, index, criteria[i].min, criteria[i].max, NULL);
      else
        abm_icp_set_values (icp, index, criteria[i].values, NULL);
      abm_icp_set_weight (icp, index, criteria[i].weight, NULL);
      abm_icp_set_must_have (icp, index, criteria[i].must_have);
    }
}


static const char *const first_names[] = {
  "Ana", "Ben", "Chloé", "Dana", "Eli", "Farah", "Gustav", "Hana", "Ivan", "Jia",
  "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomás",
  "Uma", "Viktor", "Wei", "Yara", "Zoe", "Marco", "Ingrid", "Kenji", "Aisha", "Lars",
};

static const char *const last_names[] = {
  "Ruiz", "Odeh", "Martin", "Lee", "Nguyen", "Haddad", "Lindqvist", "Sato", "Petrov", "Chen",
  "Mensah", "Weber", "Rossi", "Kowalski", "Farouk", "Nair", "Brennan", "Diaz", "Berg", "Silva",
  "Iyer", "Novak", "Zhang", "Costa", "Fischer", "Bianchi", "Olsen", "Tanaka", "Bello", "Holm",
};

/* A committee's seats: title, department, roles, and whose report (an
 * index into this table, -1 for the top, -2 for a person whose manager
 * is not known). The first rows are the smaller committees of Tier 2. */
static const struct {
  const char *title;
  const char *department;
  const char *roles;
  int         manager;
} seats[] = {
  { N_("Chief Information Officer"), N_("IT"), "decision-maker; executive-sponsor", -1 },
  { N_("Head of Digital Channels"), N_("Line of Business"), "champion", 0 },
  { N_("Enterprise Architect"), N_("IT"), "technical-evaluator", 0 },
  { N_("Operations Analyst"), N_("Operations"), "end-user", 1 },
  { N_("VP Finance"), N_("Finance"), "budget-holder", -2 },
  { N_("Head of Procurement"), N_("Procurement"), "procurement", 4 },
  { N_("Security Lead"), N_("IT"), "technical-evaluator; influencer", 2 },
  { N_("Senior Counsel"), N_("Legal"), "legal", -2 },
  { N_("Head of Risk"), N_("Risk"), "influencer; blocker", 0 },
};

static char *
days_ago (GDate *today,
          guint  days)
{
  GDate date = *today;
  char buf[16];

  g_date_subtract_days (&date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

/* Tier 1 accounts get nine people, Tier 2 four: the committees a team maps
 * for its one-to-one and one-to-few accounts. */
static gboolean
add_sample_committees (AbmWorkspace  *workspace,
                       guint32        seed,
                       GError       **error)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, a);
      guint tier = abm_account_get_tier (account);
      guint n_seats = tier == 1 ? G_N_ELEMENTS (seats) : tier == 2 ? 4 : 0;
      guint first = batch->len;

      for (guint k = 0; k < n_seats; k++)
        {
          AbmStakeholder *s = abm_stakeholder_new ();
          const char *given = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
          const char *family = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
          g_autofree char *name = g_strdup_printf ("%s %s", given, family);
          g_autofree char *ascii = g_str_to_ascii (name, "C");
          g_autofree char *local = g_ascii_strdown (ascii, -1);
          g_autofree char *email = NULL;
          double roll = g_rand_double (rand);

          g_strdelimit (local, " ", '.');
          email = g_strdup_printf ("%s@%s", local, abm_account_get_domain (account));
          abm_stakeholder_set_account_id (s, abm_account_get_id (account));
          abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_NAME, name, NULL);
          abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_TITLE, _(seats[k].title), NULL);
          abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_DEPARTMENT, _(seats[k].department), NULL);
          abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_EMAIL, email, NULL);
          abm_stakeholder_set_roles_text (s, seats[k].roles, NULL);
          if (seats[k].manager >= 0)
            abm_stakeholder_set_manager_id (s, -(gint64) (first + seats[k].manager + 1));
          abm_stakeholder_set_influence (s, k == 0 ? 5 : (guint) g_rand_int_range (rand, 2, 6), NULL);
          abm_stakeholder_set_strength (s, (guint) g_rand_int_range (rand, 1, 6), NULL);
          abm_stakeholder_set_sentiment (s, strstr (seats[k].roles, "blocker") ? ABM_STAKEHOLDER_SENTIMENT_BLOCKER
                                            : strstr (seats[k].roles, "champion") ? ABM_STAKEHOLDER_SENTIMENT_CHAMPION
                                            : roll < 0.5 ? ABM_STAKEHOLDER_SENTIMENT_POSITIVE
                                            : roll < 0.85 ? ABM_STAKEHOLDER_SENTIMENT_NEUTRAL
                                            : ABM_STAKEHOLDER_SENTIMENT_NEGATIVE);
          if (g_rand_double (rand) < 0.85)
            {
              g_autofree char *date = days_ago (&today, (guint) g_rand_int_range (rand, 1, 120));
              abm_stakeholder_set_last_contact (s, date, NULL);
            }
          g_ptr_array_add (batch, s);
        }
    }
  if (!abm_workspace_apply_stakeholders (workspace, batch, error))
    return FALSE;

  /* Who sways whom, in the Tier 1 committees: the architect influences the
   * CIO, and risk and the champion pull in different directions. */
  for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, a);
      GListModel *people;

      if (abm_account_get_tier (account) != 1)
        continue;
      people = abm_workspace_get_committee (workspace, account, error);
      if (people == NULL || g_list_model_get_n_items (people) < G_N_ELEMENTS (seats))
        return people != NULL;
      {
        g_autoptr(AbmStakeholder) cio = g_list_model_get_item (people, 0);
        g_autoptr(AbmStakeholder) champion = g_list_model_get_item (people, 1);
        g_autoptr(AbmStakeholder) architect = g_list_model_get_item (people, 2);
        g_autoptr(AbmStakeholder) risk = g_list_model_get_item (people, 8);

        if (!abm_workspace_set_link (workspace, account, abm_stakeholder_get_id (architect),
                                     abm_stakeholder_get_id (cio), ABM_LINK_INFLUENCES, TRUE, error)
            || !abm_workspace_set_link (workspace, account, abm_stakeholder_get_id (risk),
                                        abm_stakeholder_get_id (champion), ABM_LINK_CONFLICTS, TRUE, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* Plans and plays
 *
 * Texts a team would write, picked per account; dates relative to today,
 * so the agenda always has something overdue, something due this week,
 * and a plan or two past its review date. */

static const char *const sample_offerings[] = {
  N_("Data Platform"), N_("Analytics"), N_("Payments Hub"), N_("Risk Suite"),
};

static const char *const divisions[] = {
  N_("Retail"), N_("Commercial"), N_("Wealth"), N_("Operations"), N_("Finance"), N_("Risk"), N_("IT"),
};

static const char *const competitors[] = {
  "Temenos", "FIS", "Oracle", "SAP", "Finastra", "SAS",
};

static const char *const section_texts[][4] = {
  [ABM_PLAN_SECTION_PRIORITIES] = {
    N_("Grow digital revenue while cutting the cost to serve.\n- Move customers onto self-service\n- Retire two legacy platforms by year end"),
    N_("Meet the new regulatory reporting deadlines without adding headcount.\n- Automate the quarterly filings\n- One source of truth for risk data"),
    N_("Expand into two new regions within 18 months.\n- Data residency in each market\n- A partner ecosystem per region"),
    N_("Modernise the customer experience across channels.\n- One view of the customer\n- Personalised offers in real time"),
  },
  [ABM_PLAN_SECTION_PAIN_POINTS] = {
    N_("Month-end close takes nine days; finance reconciles by spreadsheet."),
    N_("Three customer databases that disagree.\n- Duplicate outreach\n- No reliable churn signal"),
    N_("Batch processing overnight delays every report by a day."),
    N_("Audit findings on data lineage two years running."),
  },
  [ABM_PLAN_SECTION_STRENGTHS] = {
    N_("Reference customers in their industry and region."),
    N_("Our champion used the platform at her previous company."),
    N_("Proven integration with their CRM."),
    N_("Lowest total cost over five years in their own model."),
  },
  [ABM_PLAN_SECTION_WEAKNESSES] = {
    N_("No relationship with the CFO yet."),
    N_("Our local support team is small."),
    N_("Procurement sees us as a niche vendor."),
    N_("A failed pilot in another division in 2023."),
  },
  [ABM_PLAN_SECTION_OPPORTUNITIES] = {
    N_("The incumbent's contract renews within the year."),
    N_("A new CIO with a cloud-first mandate."),
    N_("Budget freed by the merger's synergy programme."),
    N_("Regulator deadline forces a decision this year."),
  },
  [ABM_PLAN_SECTION_THREATS] = {
    N_("The incumbent offers a three-year discount to renew early."),
    N_("An internal build team proposes to do it themselves."),
    N_("A budget freeze if results disappoint this quarter."),
    N_("A global framework agreement with a competitor."),
  },
  [ABM_PLAN_SECTION_COMPETITION] = {
    N_("The incumbent is entrenched in operations but disliked by the business."),
    N_("Two competitors were shortlisted last year; neither was chosen."),
    N_("A systems integrator influences every platform decision."),
    N_("No competitor has a foothold in the finance team."),
  },
  [ABM_PLAN_SECTION_VALUE_HYPOTHESIS] = {
    N_("We can cut their month-end close from nine days to three, freeing 40 analysts for forecasting."),
    N_("One customer view lifts cross-sell by 15 % within a year."),
    N_("Automated reporting removes the audit findings and EUR 2M of consulting a year."),
    N_("Real-time data shortens their credit decisions from days to minutes."),
  },
  [ABM_PLAN_SECTION_OBJECTIVES] = {
    N_("Executive sponsor named by the end of the quarter.\n- Success: a signed mutual action plan"),
    N_("Pilot in one division within 90 days.\n- Success: three KPIs agreed with the business"),
    N_("Expand from one division to three this year.\n- Success: a framework agreement"),
    N_("Replace the incumbent at renewal.\n- Success: shortlist, then a technical win"),
  },
  [ABM_PLAN_SECTION_RISKS] = {
    N_("Champion may move roles after the reorganisation."),
    N_("Security review could take six months."),
    N_("Procurement insists on three bids."),
    N_("The business case depends on headcount savings HR will not confirm."),
  },
};

static const char *const messaging[] = {
  N_("Modern core systems without a big-bang migration: start with one product line, keep the rest running."),
  N_("One source of truth for regulators and the board, with reports in hours instead of weeks."),
  N_("Serve customers in every channel from one platform, priced for a regional player."),
};

static const char *const steps[] = {
  N_("Confirm the executive sponsor"), N_("Send the business case draft"), N_("Book the security review"),
  N_("Agree the pilot's success criteria"), N_("Introduce our CFO to theirs"), N_("Share the reference call notes"),
};

static char *
offset_date (GDate *today,
             int    days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return abm_date_format (&date);
}

static gboolean
sample_item (AbmWorkspace     *workspace,
             AbmPlan          *plan,
             AbmPlanItemKind   kind,
             const char       *text,
             const char       *date,
             const char       *owner,
             AbmTrigger        trigger,
             gboolean          done,
             GError          **error)
{
  g_autoptr(AbmPlanItem) item = abm_plan_item_new (kind);

  abm_plan_item_set_text (item, text, NULL);
  abm_plan_item_set_date (item, date, NULL);
  abm_plan_item_set_owner (item, owner, NULL);
  abm_plan_item_set_trigger (item, trigger);
  abm_plan_item_set_done (item, done);
  return abm_workspace_add_plan_item (workspace, plan, item, error) != NULL;
}

/* Plays that ended are mostly done; those running are in progress. */
static gboolean
sample_statuses (AbmWorkspace  *workspace,
                 GPtrArray     *plays,
                 GRand         *rand,
                 GError       **error)
{
  for (guint i = 0; i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      int to_start = 0, to_due = 0;
      double roll = g_rand_double (rand);
      AbmPlayStatus status = ABM_PLAY_PLANNED;

      abm_date_days_until (abm_play_get_start (play), NULL, &to_start);
      abm_date_days_until (abm_play_get_due (play), NULL, &to_due);
      if (to_due < 0)
        status = roll < 0.75 ? ABM_PLAY_DONE : roll < 0.85 ? ABM_PLAY_SKIPPED : ABM_PLAY_IN_PROGRESS;
      else if (to_start <= 0)
        status = ABM_PLAY_IN_PROGRESS;
      if (status != ABM_PLAY_PLANNED && !abm_workspace_set_play_status (workspace, play, status, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_account_plan (AbmWorkspace  *workspace,
                  AbmAccount    *account,
                  gboolean       overdue_review,
                  GRand         *rand,
                  GDate         *today,
                  GError       **error)
{
  AbmPlan *plan = abm_workspace_get_plan (workspace, account, error);
  g_autoptr(AbmWhitespace) map = NULL;
  g_autoptr(GPtrArray) plays = NULL;
  g_autofree char *review = NULL;
  g_auto(GStrv) vendors = NULL;
  const char *ae = abm_account_get_owner_ae (account);
  const char *marketer = abm_account_get_owner_marketer (account);
  GDate monday, sunday, start;
  guint used = 0;

  if (plan == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (section_texts); i++)
    if (section_texts[i][0] != NULL
        && !abm_workspace_set_plan_section (workspace, plan, i,
                                            _(section_texts[i][g_rand_int_range (rand, 0, 4)]), error))
      return FALSE;
  /* About one plan in five is past its review date, and always one. */
  review = offset_date (today, g_rand_double (rand) < 0.2 || overdue_review ? -g_rand_int_range (rand, 3, 30)
                                                                             : g_rand_int_range (rand, 14, 90));
  if (!abm_workspace_set_plan_motion (workspace, plan,
                                      g_strcmp0 (abm_account_get_stage (account), "customer") == 0
                                      ? ABM_MOTION_EXPAND : ABM_MOTION_LAND, error)
      || !abm_workspace_set_plan_review_date (workspace, plan, review, error))
    return FALSE;

  /* Their current vendors: what they run, else a competitor. */
  vendors = g_strsplit (abm_account_get_technologies (account) ? abm_account_get_technologies (account) : "", "; ", 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *vendor = vendors[0] && i == 0 ? vendors[0] : competitors[g_rand_int_range (rand, 0, G_N_ELEMENTS (competitors))];
      g_autofree char *renewal = offset_date (today, g_rand_int_range (rand, 30, 400));

      if (!sample_item (workspace, plan, ABM_PLAN_ITEM_VENDOR, vendor, renewal, NULL, ABM_TRIGGER_OTHER, FALSE, error))
        return FALSE;
    }
  {
    g_autofree char *when = offset_date (today, -g_rand_int_range (rand, 10, 120));
    AbmTrigger trigger = (AbmTrigger) g_rand_int_range (rand, 0, ABM_N_TRIGGERS);
    const char *const events[ABM_N_TRIGGERS] = {
      N_("A new CIO joined from a competitor"), N_("Raised growth funding"), N_("Announced a merger"),
      N_("New reporting rules take effect next year"), N_("Opened a digital innovation hub"),
    };

    if (!sample_item (workspace, plan, ABM_PLAN_ITEM_EVENT, _(events[trigger]), when, NULL, trigger, FALSE, error))
      return FALSE;
  }

  /* Next steps: one overdue, one due this week, one later, one done.
   * Random draws never depend on the day of the week, so the rest of the
   * sample stays the same for a seed whatever day it is made. */
  abm_date_week (NULL, &monday, &sunday);
  for (guint k = 0; k < 4; k++)
    {
      guint pick = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (steps));
      int days = k == 0 ? -g_rand_int_range (rand, 2, 10)
                 : k == 1 ? (int) (g_rand_double (rand) * (g_date_days_between (today, &sunday) + 1))
                 : k == 2 ? g_rand_int_range (rand, 10, 30) : -g_rand_int_range (rand, 10, 20);
      g_autofree char *due = offset_date (today, days);

      /* Each step once. */
      while (used & (1u << pick))
        pick = (pick + 1) % G_N_ELEMENTS (steps);
      used |= 1u << pick;
      if (!sample_item (workspace, plan, ABM_PLAN_ITEM_STEP, _(steps[pick]), due, k % 2 ? marketer : ae,
                        ABM_TRIGGER_OTHER, k == 3, error))
        return FALSE;
    }

  /* Where we sell, and where we could. */
  map = abm_whitespace_copy (abm_plan_get_whitespace (plan));
  for (guint i = 0, first = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (divisions)); i < 3; i++)
    abm_whitespace_add (map, ABM_WHITESPACE_DIVISIONS, _(divisions[(first + i * 2) % G_N_ELEMENTS (divisions)]), NULL);
  for (guint r = 0; r < abm_whitespace_get_n (map, ABM_WHITESPACE_DIVISIONS); r++)
    for (guint c = 0; c < abm_whitespace_get_n (map, ABM_WHITESPACE_OFFERINGS); c++)
      {
        double roll = g_rand_double (rand);
        AbmWhitespaceStatus status = roll < 0.25 ? ABM_WHITESPACE_CUSTOMER : roll < 0.4 ? ABM_WHITESPACE_OPPORTUNITY
                                     : roll < 0.6 ? ABM_WHITESPACE_COMPETITOR : ABM_WHITESPACE_OPEN;

        abm_whitespace_set_cell (map, r, c, status, competitors[g_rand_int_range (rand, 0, G_N_ELEMENTS (competitors))],
                                 g_rand_int_range (rand, 2, 40) * 10000.0, NULL);
      }
  if (!abm_workspace_set_plan_whitespace (workspace, plan, map, error))
    return FALSE;

  /* The Tier 1 template, started a few weeks ago. */
  start = *today;
  g_date_subtract_days (&start, (guint) g_rand_int_range (rand, 14, 56));
  plays = abm_workspace_apply_play_template (workspace,
                                             abm_workspace_get_play_template (workspace, ABM_PLAY_TEMPLATE_TIER_1),
                                             account, NULL, &start, error);
  return plays != NULL && sample_statuses (workspace, plays, rand, error);
}

static gboolean
add_cluster_plan (AbmWorkspace  *workspace,
                  AbmCluster    *cluster,
                  guint          index,
                  GRand         *rand,
                  GDate         *today,
                  GError       **error)
{
  AbmPlan *plan = abm_workspace_get_cluster_plan (workspace, cluster, error);
  g_autoptr(GPtrArray) plays = NULL;
  g_autofree char *review = offset_date (today, g_rand_int_range (rand, -10, 60));
  GDate start;

  if (plan == NULL
      || !abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_MESSAGING,
                                          _(messaging[index % G_N_ELEMENTS (messaging)]), error)
      || !abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_PRIORITIES,
                                          _(section_texts[ABM_PLAN_SECTION_PRIORITIES][index % 4]), error)
      || !abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_PAIN_POINTS,
                                          _(section_texts[ABM_PLAN_SECTION_PAIN_POINTS][(index + 1) % 4]), error)
      || !abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_VALUE_HYPOTHESIS,
                                          _(section_texts[ABM_PLAN_SECTION_VALUE_HYPOTHESIS][index % 4]), error)
      || !abm_workspace_set_plan_motion (workspace, plan, ABM_MOTION_LAND, error)
      || !abm_workspace_set_plan_review_date (workspace, plan, review, error))
    return FALSE;
  start = *today;
  g_date_subtract_days (&start, (guint) g_rand_int_range (rand, 7, 35));
  plays = abm_workspace_apply_play_template (workspace,
                                             abm_workspace_get_play_template (workspace, ABM_PLAY_TEMPLATE_CLUSTER),
                                             NULL, cluster, &start, error);
  return plays != NULL && sample_statuses (workspace, plays, rand, error);
}

/* Tier 1 accounts get a full plan and the Tier 1 plays; each cluster a
 * plan with its messaging and the cluster plays; the first account of a
 * cluster its own notes. The templates are stored as the team's own. */
static gboolean
add_sample_plans (AbmWorkspace  *workspace,
                  guint32        seed,
                  GError       **error)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  GListModel *clusters = abm_workspace_get_clusters (workspace);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x91a4);
  g_autoptr(GHashTable) noted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) offerings = g_strv_builder_new ();
  g_auto(GStrv) offering_list = NULL;
  guint n_tier1 = 0;
  GDate today;

  abm_date_today (NULL, &today);
  for (guint i = 0; i < G_N_ELEMENTS (sample_offerings); i++)
    g_strv_builder_add (offerings, _(sample_offerings[i]));
  offering_list = g_strv_builder_end (offerings);
  if (!abm_workspace_set_offerings (workspace, (const char *const *) offering_list, error))
    return FALSE;
  /* Stored, as a team's edited templates are. */
  for (guint k = 0; k < ABM_PLAY_N_TEMPLATES; k++)
    {
      g_autoptr(AbmPlayTemplate) built_in = abm_play_template_new (k);

      abm_play_template_assign (abm_workspace_get_play_template (workspace, k), built_in);
    }

  for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, a);
      gint64 cluster_id = abm_account_get_cluster_id (account);

      if (abm_account_get_tier (account) == 1
          && !add_account_plan (workspace, account, n_tier1++ == 0, rand, &today, error))
        return FALSE;
      if (cluster_id > 0 && !g_hash_table_contains (noted, &cluster_id))
        {
          AbmPlan *plan = abm_workspace_get_plan (workspace, account, error);

          g_hash_table_add (noted, g_memdup2 (&cluster_id, sizeof cluster_id));
          if (plan == NULL
              || !abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_NOTES,
                                                  _("Their CIO spoke at our customer summit; start with her team."), error))
            return FALSE;
        }
    }
  for (guint c = 0; c < g_list_model_get_n_items (clusters); c++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, c);

      if (!add_cluster_plan (workspace, cluster, c, rand, &today, error))
        return FALSE;
    }
  return TRUE;
}

/* A team of four account executives and two marketers, tiers in the
 * proportions of a real program (about 6 % in Tier 1, 24 % in Tier 2),
 * Tier 2 clustered, and last quarter's snapshot with a few accounts that
 * moved since: the Targets view and `abmctl tiers` have something to show. */
static gboolean
add_sample_tiers (AbmWorkspace  *workspace,
                  guint          n_accounts,
                  GError       **error)
{
  AbmTierRules *rules = abm_workspace_get_tier_rules (workspace);
  g_autoptr(AbmTierRules) sample = abm_tier_rules_new ();
  g_autoptr(AbmTierPlan) plan = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  guint moved = 0;

  abm_tier_rules_set_team (sample, 4, 2, NULL);
  abm_tier_rules_set_tier (sample, 1, ABM_TIER_TOP_N, CLAMP (n_accounts * 6 / 100, 1, 30), NULL);
  abm_tier_rules_set_tier (sample, 2, ABM_TIER_TOP_N, CLAMP (n_accounts * 24 / 100, 1, 500), NULL);
  abm_tier_rules_set_tier (sample, 3, ABM_TIER_THRESHOLD, 35, NULL);
  abm_tier_rules_assign (rules, sample);
  if (abm_workspace_get_tier_rules_error (workspace) != NULL)
    {
      g_propagate_error (error, g_error_copy (abm_workspace_get_tier_rules_error (workspace)));
      return FALSE;
    }

  plan = abm_tier_plan_new (rules, accounts);
  if (!abm_workspace_apply_tier_plan (workspace, plan, NULL, error))
    return FALSE;
  proposals = abm_suggest_clusters (accounts);
  if (!abm_workspace_add_cluster_proposals (workspace, proposals, error))
    return FALSE;
  if (abm_workspace_take_snapshot (workspace, _("Last quarter’s review"), error) == 0)
    return FALSE;

  /* Since then: two Tier 3 accounts were raised to Tier 2 by hand and
   * locked there, the way a team acts on news from sales. */
  for (guint i = 0; i < g_list_model_get_n_items (accounts) && moved < 2; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      if (abm_account_get_tier (account) != 3)
        continue;
      if (!abm_workspace_set_account_tier (workspace, account, 2, TRUE, error))
        return FALSE;
      moved++;
    }
  return TRUE;
}

/* Engagement
 *
 * Activities over the last half year, heaviest where the team works
 * hardest (Tier 1 committees), with a few accounts heating up (a burst in
 * the last fortnight) and a few cooling down (busy two months ago, quiet
 * since); deals that ABM sourced close faster and larger than the rest;
 * and what each tier cost this quarter and the last. Dates are relative
 * to today, like the committees' last contacts. */

static const AbmActivityKind marketing_kinds[] = {
  ABM_ACTIVITY_AD_IMPRESSION, ABM_ACTIVITY_AD_IMPRESSION, ABM_ACTIVITY_AD_IMPRESSION, ABM_ACTIVITY_AD_CLICK,
  ABM_ACTIVITY_WEBSITE_VISIT, ABM_ACTIVITY_WEBSITE_VISIT, ABM_ACTIVITY_CONTENT_DOWNLOAD, ABM_ACTIVITY_EMAIL_OPEN,
  ABM_ACTIVITY_EMAIL_OPEN, ABM_ACTIVITY_INTENT_SURGE,
};

static const AbmActivityKind sales_kinds[] = {
  ABM_ACTIVITY_EMAIL_REPLY, ABM_ACTIVITY_MEETING, ABM_ACTIVITY_EVENT_ATTENDANCE, ABM_ACTIVITY_SALES_CALL,
  ABM_ACTIVITY_DEMO_REQUEST,
};

static const char *const campaigns[] = {
  "FY27 Core Banking Modernisation", "Risk & Compliance Roundtable", "Cloud Migration Webinar Series",
  "Executive Dinner Frankfurt",
};

static const char *const deal_stages[] = {
  "Discovery", "Qualification", "Solution Design", "Proposal", "Negotiation",
};

static void
add_activity (GArray          *batch,
              AbmAccount      *account,
              gint64           person,
              AbmActivityKind  kind,
              guint32          day,
              GRand           *rand)
{
  AbmActivity activity = { 0, };

  activity.account_id = abm_account_get_id (account);
  activity.stakeholder_id = person;
  activity.kind = kind;
  activity.day = day;
  if (kind == ABM_ACTIVITY_INTENT_SURGE)
    activity.topic = g_strdup (topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))]);
  else if (kind != ABM_ACTIVITY_WEBSITE_VISIT && kind != ABM_ACTIVITY_SALES_CALL && kind != ABM_ACTIVITY_MEETING)
    activity.campaign = g_strdup (campaigns[g_rand_int_range (rand, 0, G_N_ELEMENTS (campaigns))]);
  g_array_append_val (batch, activity);
}

static gboolean
add_sample_activities (AbmWorkspace  *workspace,
                       GRand         *rand,
                       guint32        today,
                       GError       **error)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (AbmActivity));

  g_array_set_clear_func (batch, (GDestroyNotify) abm_activity_clear);
  for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, a);
      GListModel *people = abm_workspace_get_committee (workspace, account, NULL);
      guint n_people = people ? g_list_model_get_n_items (people) : 0;
      guint tier = abm_account_get_tier (account);
      double roll = g_rand_double (rand);
      /* Activities over 180 days; the share of accounts with any. */
      guint n = tier == 1 ? (guint) g_rand_int_range (rand, 25, 70)
                : tier == 2 ? (roll < 0.85 ? (guint) g_rand_int_range (rand, 6, 30) : 0)
                : tier == 3 ? (roll < 0.45 ? (guint) g_rand_int_range (rand, 1, 10) : 0)
                : (roll < 0.08 ? (guint) g_rand_int_range (rand, 1, 4) : 0);
      double pattern = g_rand_double (rand);
      gboolean heating = tier != 0 && pattern < 0.12, cooling = tier != 0 && !heating && pattern < 0.22;

      for (guint k = 0; k < n; k++)
        {
          gboolean sales = n_people > 0 && g_rand_double (rand) < (tier == 1 ? 0.35 : 0.2);
          guint ago = heating && k >= n / 2 ? (guint) g_rand_int_range (rand, 0, 12)
                      : cooling ? (guint) g_rand_int_range (rand, 35, 120)
                      : (guint) g_rand_int_range (rand, 0, 180);
          gint64 person = 0;

          if (n_people > 0 && (sales || g_rand_double (rand) < 0.5))
            {
              g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, g_rand_int_range (rand, 0, (int) n_people));
              person = abm_stakeholder_get_id (s);
            }
          add_activity (batch, account, person,
                        sales ? sales_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (sales_kinds))]
                              : marketing_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (marketing_kinds))],
                        today - ago, rand);
        }
    }
  return abm_workspace_add_activities (workspace, batch, error);
}

static gboolean
add_sample_opportunities (AbmWorkspace  *workspace,
                          GRand         *rand,
                          guint32        today,
                          GError       **error)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, a);
      guint tier = abm_account_get_tier (account);
      double roll = g_rand_double (rand);
      /* Open, won and lost shares by tier: the focus shows in the deals. */
      double open = tier == 1 ? 0.45 : tier == 2 ? 0.16 : tier == 3 ? 0.04 : 0.01;
      double won = tier == 1 ? 0.2 : tier == 2 ? 0.08 : tier == 3 ? 0.02 : 0.012;
      double lost = tier == 1 ? 0.1 : tier == 2 ? 0.06 : tier == 3 ? 0.03 : 0.015;
      gboolean abm = tier != 0 && g_rand_double (rand) < (tier == 3 ? 0.5 : 0.85);
      double acv = abm_account_get_acv_potential (account);
      g_autoptr(AbmOpportunity) deal = NULL;
      g_autofree char *name = NULL;
      guint32 created;
      char date[11];
      GDate day;

      if (roll >= open + won + lost)
        continue;
      deal = abm_opportunity_new ();
      name = g_strdup_printf (_("%s — %s"), abm_account_get_name (account),
                              _(sample_offerings[g_rand_int_range (rand, 0, G_N_ELEMENTS (sample_offerings))]));
      abm_opportunity_set_name (deal, name, NULL);
      abm_opportunity_set_account_id (deal, abm_account_get_id (account));
      abm_opportunity_set_amount (deal, round ((acv > 0 ? acv : 60000) * (abm ? 0.8 : 0.55)
                                               * (0.6 + g_rand_double (rand) * 0.8) / 1000) * 1000, NULL);
      abm_opportunity_set_abm_sourced (deal, abm);
      created = today - (guint32) g_rand_int_range (rand, 20, 330);
      g_date_clear (&day, 1);
      g_date_set_julian (&day, created);
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
      abm_opportunity_set_created (deal, date, NULL);
      if (roll < open)
        abm_opportunity_set_stage (deal, deal_stages[g_rand_int_range (rand, 0, G_N_ELEMENTS (deal_stages))], NULL);
      else
        {
          /* ABM deals close in about three months, others in five. */
          guint32 closed = MIN (today, created + (guint32) g_rand_int_range (rand, abm ? 45 : 90, abm ? 130 : 220));

          g_date_set_julian (&day, closed);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
          abm_opportunity_set_closed (deal, date, NULL);
          abm_opportunity_set_status (deal, roll < open + won ? ABM_OPPORTUNITY_WON : ABM_OPPORTUNITY_LOST);
          abm_opportunity_set_stage (deal, roll < open + won ? "Closed Won" : "Closed Lost", NULL);
        }
      g_ptr_array_add (batch, g_steal_pointer (&deal));
    }
  return abm_workspace_apply_opportunities (workspace, batch, error);
}

static gboolean
add_sample_engagement (AbmWorkspace  *workspace,
                       guint32        seed,
                       GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0xe9a6);
  guint32 today = abm_workspace_today ();
  AbmPeriod quarter = { 0, };
  GDate date;

  if (!add_sample_activities (workspace, rand, today, error)
      || !add_sample_opportunities (workspace, rand, today, error))
    return FALSE;

  /* This quarter's and the last one's spend per tier. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  for (guint q = 0; q < 2; q++)
    {
      static const double spend[] = { 0, 90000, 60000, 30000 };
      gboolean ok;

      if (!abm_period_parse (NULL, &date, &quarter, error))
        return FALSE;
      for (guint tier = 1; tier <= 3; tier++)
        {
          ok = abm_workspace_set_program_cost (workspace, tier, quarter.label, spend[tier] * (q ? 0.9 : 1.0), error);
          if (!ok)
            {
              abm_period_clear (&quarter);
              return FALSE;
            }
        }
      date = quarter.start;
      g_date_subtract_days (&date, 1);
      abm_period_clear (&quarter);
    }
  return TRUE;
}

AbmWorkspace *
abm_sample_create_workspace (const char  *path,
                             guint        n_accounts,
                             guint32      seed,
                             GError     **error)
{
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  workspace = abm_workspace_create (path, _("FY27 Enterprise Program (Sample)"), "EUR",
                                    FALSE, error);
  if (workspace == NULL)
    return NULL;

  accounts = abm_sample_accounts (n_accounts, seed);
  if (!abm_workspace_add_accounts (workspace, accounts, error))
    return NULL;

  /* One "changed" after the whole profile: a copy is built, then assigned. */
  {
    g_autoptr(AbmIcp) icp = abm_icp_new ();

    add_sample_icp (icp);
    abm_icp_assign (abm_workspace_get_icp (workspace), icp);
    if (abm_workspace_get_icp_error (workspace) != NULL)
      {
        g_propagate_error (error, g_error_copy (abm_workspace_get_icp_error (workspace)));
        return NULL;
      }
  }

  if (!add_sample_tiers (workspace, n_accounts, error))
    return NULL;
  if (!add_sample_committees (workspace, seed, error))
    return NULL;
  if (!add_sample_plans (workspace, seed, error))
    return NULL;
  if (!add_sample_engagement (workspace, seed, error))
    return NULL;

  /* A program whose deals suit ABM but whose team is not ready on every
   * count, so that the readiness check shows its advice. */
  {
    g_autoptr(AbmReadiness) readiness = abm_readiness_new ();

    for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
      abm_readiness_set_answer (readiness, i, ABM_READINESS_YES);
    abm_readiness_set_answer (readiness, ABM_READINESS_SHARED_LIST, ABM_READINESS_UNSURE);
    abm_readiness_set_answer (readiness, ABM_READINESS_CONTENT_CAPACITY, ABM_READINESS_NO);
    if (!abm_readiness_save (readiness, workspace, error))
      return NULL;
  }

  return g_steal_pointer (&workspace);
}
