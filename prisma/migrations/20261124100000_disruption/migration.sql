-- Neighbourhood Safeguarding and Disruption (issue 7): the tactic catalogue (data, seeded below
-- from the Home Office Child exploitation disruption toolkit and editable by administrators),
-- disruption actions with their status history, and NSD meetings with minutes per agenda item
-- and an action log carried from meeting to meeting until each item is closed.

CREATE TYPE "tactic_theme" AS ENUM ('abduction_and_trafficking', 'sexual_offences', 'victim_care', 'unusual_or_harmful_behaviour', 'locations_of_specific_concern');
CREATE TYPE "disruption_target_type" AS ENUM ('person', 'premises', 'place', 'vehicle', 'business', 'online');
CREATE TYPE "disruption_status" AS ENUM ('proposed', 'agreed', 'in_force', 'reviewed', 'ended', 'refused', 'withdrawn');
CREATE TYPE "disruption_outcome" AS ENUM ('breached', 'complied', 'expired', 'refused_by_court');
CREATE TYPE "nsd_action_status" AS ENUM ('open', 'in_progress', 'closed');

-- One tactic of the toolkit. `holder_agency_kinds`: the kinds of agency that hold the power (a
-- district officer may use a tactic only when their agency is of one of these kinds).
CREATE TABLE "tactic" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "code" TEXT NOT NULL UNIQUE CHECK ("code" ~ '^[a-z][a-z0-9_]*$'),
  "name" TEXT NOT NULL UNIQUE CHECK (length(trim("name")) > 0),
  "theme" "tactic_theme" NOT NULL,
  "legal_basis" TEXT NOT NULL CHECK (length(trim("legal_basis")) > 0),
  "holder_agency_kinds" "agency_kind"[] NOT NULL CHECK (cardinality("holder_agency_kinds") > 0),
  "target_types" "disruption_target_type"[] NOT NULL CHECK (cardinality("target_types") > 0),
  "needs_conviction" BOOLEAN NOT NULL,
  "needs_court" BOOLEAN NOT NULL,
  "max_duration_days" INTEGER CHECK ("max_duration_days" IS NULL OR "max_duration_days" BETWEEN 1 AND 3660),
  "guidance" TEXT NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A disruption action against one target: a Lantern place, person or vehicle, or a business or
-- online account named in text (a business may also be a Lantern place). The district is where
-- the action is taken (for a place, the district its point falls in).
CREATE TABLE "disruption_action" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "tactic_id" UUID NOT NULL REFERENCES "tactic" ("id"),
  "target_type" "disruption_target_type" NOT NULL,
  "target_place_id" UUID REFERENCES "place_of_concern" ("id"),
  "target_person_id" UUID REFERENCES "person" ("id"),
  "target_vehicle_id" UUID REFERENCES "vehicle" ("id"),
  "target_name" TEXT CHECK ("target_name" IS NULL OR length(trim("target_name")) > 0),
  "holder_agency_id" UUID NOT NULL REFERENCES "agency" ("id"),
  "owner_id" UUID NOT NULL REFERENCES "app_user" ("id"),
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "status" "disruption_status" NOT NULL DEFAULT 'proposed',
  "outcome" "disruption_outcome",
  "proposed_on" DATE NOT NULL,
  "agreed_on" DATE,
  "in_force_from" DATE,
  "review_on" DATE,
  "expires_on" DATE,
  "ended_on" DATE,
  "notes" TEXT,
  "created_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (num_nonnulls("target_place_id", "target_person_id", "target_vehicle_id") <= 1),
  CHECK (CASE "target_type"
    WHEN 'place' THEN "target_place_id" IS NOT NULL
    WHEN 'premises' THEN "target_place_id" IS NOT NULL
    WHEN 'person' THEN "target_person_id" IS NOT NULL
    WHEN 'vehicle' THEN "target_vehicle_id" IS NOT NULL
    WHEN 'business' THEN "target_place_id" IS NOT NULL OR "target_name" IS NOT NULL
    WHEN 'online' THEN "target_name" IS NOT NULL
  END),
  CHECK ("agreed_on" IS NULL OR "agreed_on" >= "proposed_on"),
  CHECK ("expires_on" IS NULL OR "in_force_from" IS NULL OR "expires_on" >= "in_force_from"),
  CHECK ("ended_on" IS NULL OR "ended_on" >= "proposed_on"),
  CHECK (("status" IN ('ended', 'refused', 'withdrawn')) = ("ended_on" IS NOT NULL)),
  CHECK ("status" <> 'ended' OR "outcome" IN ('breached', 'complied', 'expired')),
  CHECK ("outcome" IS NULL OR "status" IN ('ended', 'refused')),
  CHECK ("status" NOT IN ('in_force', 'reviewed') OR "in_force_from" IS NOT NULL)
);
CREATE INDEX "disruption_action_district_idx" ON "disruption_action" ("district_code", "status");
CREATE INDEX "disruption_action_owner_idx" ON "disruption_action" ("owner_id", "status");
CREATE INDEX "disruption_action_place_idx" ON "disruption_action" ("target_place_id") WHERE "target_place_id" IS NOT NULL;

-- Every change of status: from (null when the action was recorded), to, who, why and when.
CREATE TABLE "disruption_status_change" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "action_id" UUID NOT NULL REFERENCES "disruption_action" ("id") ON DELETE CASCADE,
  "from_status" "disruption_status",
  "to_status" "disruption_status" NOT NULL,
  "changed_by_id" UUID REFERENCES "app_user" ("id"),
  "reason" TEXT NOT NULL CHECK (length(trim("reason")) > 0),
  "changed_at" TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX "disruption_status_change_action_idx" ON "disruption_status_change" ("action_id", "changed_at");

-- A Neighbourhood Safeguarding and Disruption meeting: one district, one date.
CREATE TABLE "nsd_meeting" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "held_on" DATE NOT NULL,
  "chair" TEXT CHECK ("chair" IS NULL OR length(trim("chair")) > 0),
  "attendees" TEXT[] NOT NULL DEFAULT '{}',
  "agencies" TEXT[] NOT NULL DEFAULT '{}',
  "created_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE ("district_code", "held_on")
);

-- Minutes of one agenda item. The agenda itself is built from the records for the meeting's
-- date; `item_key` names the item it was built from ("place:<id>", "action:<id>", "child:<id>",
-- "hotspot:<cell>", "action-log", "other") and `item_title` keeps its title as it stood.
CREATE TABLE "nsd_minute" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "meeting_id" UUID NOT NULL REFERENCES "nsd_meeting" ("id") ON DELETE CASCADE,
  "item_key" TEXT NOT NULL CHECK ("item_key" ~ '^[a-z-]+(:[A-Za-z0-9-]+)?$'),
  "item_title" TEXT NOT NULL CHECK (length(trim("item_title")) > 0),
  "text" TEXT NOT NULL CHECK (length(trim("text")) > 0),
  "recorded_by_id" UUID REFERENCES "app_user" ("id"),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE ("meeting_id", "item_key")
);

-- The action log: raised at a meeting, carried to every later meeting of the district until closed.
CREATE TABLE "nsd_action_item" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "district_code" TEXT NOT NULL REFERENCES "district" ("code"),
  "raised_at_meeting_id" UUID NOT NULL REFERENCES "nsd_meeting" ("id") ON DELETE CASCADE,
  "description" TEXT NOT NULL CHECK (length(trim("description")) > 0),
  "owner" TEXT NOT NULL CHECK (length(trim("owner")) > 0),
  "agency" TEXT NOT NULL CHECK (length(trim("agency")) > 0),
  "due_on" DATE NOT NULL,
  "status" "nsd_action_status" NOT NULL DEFAULT 'open',
  "closed_on" DATE,
  "update_note" TEXT,
  "disruption_action_id" UUID REFERENCES "disruption_action" ("id") ON DELETE SET NULL,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (("status" = 'closed') = ("closed_on" IS NOT NULL))
);
CREATE INDEX "nsd_action_item_district_idx" ON "nsd_action_item" ("district_code", "status");

-- The catalogue as DOMAIN.md lists it. Durations are the statutory maxima where the law sets one
-- (NULL: none, or set by the court); the guidance says what the law and local practice require.
INSERT INTO "tactic" ("code", "name", "theme", "legal_basis", "holder_agency_kinds", "target_types", "needs_conviction", "needs_court", "max_duration_days", "guidance") VALUES
('child_abduction_warning_notice', 'Child Abduction Warning Notice', 'abduction_and_trafficking',
 'Child Abduction Act 1984 s2; Children Act 1989 s49', '{police}', '{person}', false, false, NULL,
 'Served on an adult who has no right to be with a child under 16 (s2) or a looked-after child under 18 (s49). Not an order: it records that the adult was told, so a later offence of abduction or harbouring can be proved. Needs the consent of the parent or the local authority; review while the child remains at risk.'),
('sexual_risk_order', 'Sexual Risk Order', 'sexual_offences',
 'Sexual Offences Act 2003 s122A', '{police}', '{person}', false, true, NULL,
 'On application by the police to a magistrates'' court against a person who has done an act of a sexual nature that makes an order necessary to protect the public or a child. No conviction needed. Lasts at least 2 years, or until further order; breach is an offence.'),
('slavery_trafficking_risk_order', 'Slavery and Trafficking Risk Order', 'abduction_and_trafficking',
 'Modern Slavery Act 2015 s23', '{police}', '{person}', false, true, NULL,
 'On application by the police (or NCA, immigration officer) to a magistrates'' court where there is a risk the person will commit a slavery or trafficking offence. No conviction needed. At least 2 years, or until further order.'),
('slavery_trafficking_prevention_order', 'Slavery and Trafficking Prevention Order', 'abduction_and_trafficking',
 'Modern Slavery Act 2015 s14, s15', '{police}', '{person}', true, true, NULL,
 'Made by the court on conviction of a slavery or trafficking offence (s14), or on police application against a person previously convicted (s15). At least 5 years, or until further order.'),
('hotel_guest_information_notice', 'Hotel guest information notice', 'sexual_offences',
 'Anti-social Behaviour, Crime and Policing Act 2014 s116', '{police}', '{premises,business}', false, false, 183,
 'An inspector may require a hotel or guest house believed to be used for child sexual exploitation to give the names and addresses of guests. Has effect for up to 6 months; failing to comply is an offence. Pair with business awareness.'),
('closure_notice', 'Closure notice', 'locations_of_specific_concern',
 'Anti-social Behaviour, Crime and Policing Act 2014 Part 4 s76', '{police,district_council}', '{premises,place,business}', false, false, 2,
 'Issued by a police inspector or the council where disorder or nuisance is likely at premises. Lasts 24 hours, extendable to 48 hours in all; an application for a closure order must follow to the magistrates'' court.'),
('closure_order', 'Closure order', 'locations_of_specific_concern',
 'Anti-social Behaviour, Crime and Policing Act 2014 Part 4 s80', '{police,district_council}', '{premises,place,business}', false, true, 183,
 'Made by a magistrates'' court after a closure notice. Up to 3 months, extendable to 6 months in all; entering closed premises is an offence.'),
('community_protection_warning', 'Community Protection Warning', 'unusual_or_harmful_behaviour',
 'Anti-social Behaviour, Crime and Policing Act 2014 s43', '{police,district_council}', '{person,business,premises}', false, false, NULL,
 'A written warning that conduct having a detrimental effect on the quality of life of those in the locality must stop; must come before a Community Protection Notice.'),
('community_protection_notice', 'Community Protection Notice', 'unusual_or_harmful_behaviour',
 'Anti-social Behaviour, Crime and Policing Act 2014 s43', '{police,district_council}', '{person,business,premises}', false, false, NULL,
 'Requirements to stop or do things, issued after a warning was ignored. Breach is an offence (fixed penalty or prosecution). The person may appeal to the magistrates'' court within 21 days.'),
('public_spaces_protection_order', 'Public Spaces Protection Order', 'locations_of_specific_concern',
 'Anti-social Behaviour, Crime and Policing Act 2014 s59', '{district_council}', '{place}', false, false, 1096,
 'Made by the district council after consultation with the police and the community, restricting activities in a defined public place. Up to 3 years, extendable.'),
('civil_injunction', 'Civil injunction', 'unusual_or_harmful_behaviour',
 'Anti-social Behaviour, Crime and Policing Act 2014 Part 1 s1', '{police,district_council,county_council}', '{person}', false, true, NULL,
 'On application to the county court (youth court for under-18s) against a person aged 10 or over who has engaged or threatens to engage in anti-social behaviour. For under-18s at most 12 months; consult the youth offending team.'),
('criminal_behaviour_order', 'Criminal Behaviour Order', 'unusual_or_harmful_behaviour',
 'Anti-social Behaviour, Crime and Policing Act 2014 Part 2 s22', '{police,district_council}', '{person}', true, true, NULL,
 'Made by the criminal court on conviction, on the prosecution''s application (the police or council ask the CPS). Adults at least 2 years; under-18s 1 to 3 years, reviewed yearly.'),
('inherent_jurisdiction_injunction', 'Inherent-jurisdiction injunction', 'victim_care',
 'High Court inherent jurisdiction (Birmingham City Council v Riaz [2014] EWHC 4247 (Fam))', '{county_council}', '{person}', false, true, NULL,
 'The county council applies to the High Court for an injunction protecting a named child from named adults (no contact, no approach). Used where statutory orders do not fit.'),
('premises_licence_review', 'Premises licence review', 'locations_of_specific_concern',
 'Licensing Act 2003 s51 (review), s53A (summary review)', '{district_council,police}', '{premises,business}', false, false, NULL,
 'The police or another responsible authority applies to the district licensing authority to review a premises licence; the licensing sub-committee may add conditions, suspend (up to 3 months) or revoke.'),
('taxi_phv_licence_action', 'Taxi and private hire licence action', 'locations_of_specific_concern',
 'Local Government (Miscellaneous Provisions) Act 1976 ss60–62; Town Police Clauses Act 1847', '{district_council}', '{person,vehicle,business}', false, false, NULL,
 'The district licensing authority may suspend or revoke a driver, vehicle or operator licence where the holder is not fit and proper. Share intelligence with the licensing team through the Concerns Network.'),
('tenancy_enforcement', 'Tenancy enforcement', 'locations_of_specific_concern',
 'Housing Act 1985 Sch 2; Housing Act 1988 Sch 2; ASBCPA 2014 s84 (absolute ground)', '{district_council,other}', '{premises,person}', false, false, NULL,
 'The landlord (district housing or a housing provider) warns, agrees acceptable behaviour, or seeks possession; possession needs the county court.'),
('targeted_patrols', 'Targeted patrols', 'locations_of_specific_concern',
 'Common law duty; partnership tasking', '{police,county_council,district_council,health,education,charity,other_local_authority,other}', '{place,premises}', false, false, NULL,
 'Visible police or warden patrols at the times intelligence shows children at risk. Record the times and what was seen as intelligence.'),
('cctv', 'CCTV coverage', 'locations_of_specific_concern',
 'Protection of Freedoms Act 2012 Surveillance Camera Code; data protection law', '{police,district_council,county_council}', '{place,premises}', false, false, NULL,
 'Deploy or redirect public-space CCTV to a place of concern; a data protection impact assessment is required.'),
('lighting_environmental', 'Lighting and environmental improvement', 'locations_of_specific_concern',
 'Highways and environmental powers of the councils', '{district_council,county_council}', '{place}', false, false, NULL,
 'Improve lighting, cut back cover, secure derelict buildings: design out the places where children are exploited.'),
('business_awareness', 'Business awareness', 'victim_care',
 'Partnership activity (no statutory power)', '{police,county_council,district_council,health,education,charity,other_local_authority,other}', '{business,premises,place}', false, false, NULL,
 'Brief hotels, takeaways, taxi firms and shops on the signs of exploitation and how to report them (Operation Makesafe style).'),
('online_takedown', 'Online account reporting and takedown', 'sexual_offences',
 'Platform terms of service; Online Safety Act 2023', '{police}', '{online}', false, false, NULL,
 'Report accounts used to groom or recruit children to the platform for removal, preserving evidence first.');
