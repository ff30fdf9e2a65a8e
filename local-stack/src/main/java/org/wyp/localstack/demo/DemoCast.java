package org.wyp.localstack.demo;

import java.util.List;

/** The people and organisations of the demo round: invented, but shaped like a real programme. */
final class DemoCast {

  private DemoCast() {}

  record Stakeholder(
      String theme,
      String organisation,
      List<String> boroughs,
      String title,
      String summary,
      String successMeasure) {}

  record Company(String name, String postcode, int employees) {}

  static final List<Stakeholder> PROBLEMS =
      List.of(
          new Stakeholder(
              "health",
              "Alder Hey Children's NHS Foundation Trust",
              List.of("Liverpool", "Sefton"),
              "Damp homes and childhood asthma",
              "Damp and mould in rented homes drive repeat asthma admissions for under-fives.",
              "Fewer repeat asthma admissions within 12 months"),
          new Stakeholder(
              "health",
              "Liverpool University Hospitals NHS Foundation Trust",
              List.of("Liverpool", "Knowsley"),
              "Missed outpatient appointments",
              "One in ten outpatient appointments is missed, mostly by patients facing the most"
                  + " barriers to getting there.",
              "Missed appointments down by a quarter"),
          new Stakeholder(
              "care",
              "Wirral Council Adult Social Care",
              List.of("Wirral"),
              "Delayed discharge into home care",
              "Medically fit patients wait days in hospital for a home-care package to start.",
              "Median wait for a care package under 48 hours"),
          new Stakeholder(
              "care",
              "St Helens Borough Council",
              List.of("St Helens"),
              "Loneliness among people receiving home care",
              "Home-care visits are too short for conversation; many clients see nobody else.",
              "Fewer clients reporting they feel lonely most days"),
          new Stakeholder(
              "housing",
              "Liverpool City Council",
              List.of("Liverpool"),
              "Empty homes above high-street shops",
              "Hundreds of flats above shops stand empty while the housing waiting list grows.",
              "Empty upper floors brought back into use"),
          new Stakeholder(
              "housing",
              "Sefton Council",
              List.of("Sefton"),
              "Repairs reported too late in social housing",
              "Tenants report leaks and mould late, when repairs cost far more.",
              "Repairs reported within a week of a problem starting"),
          new Stakeholder(
              "family-support",
              "Knowsley Council",
              List.of("Knowsley"),
              "Families missing out on free childcare hours",
              "Eligible families do not take up free childcare hours they are entitled to.",
              "Take-up of funded hours above 90%"),
          new Stakeholder(
              "family-support",
              "Halton Borough Council",
              List.of("Halton"),
              "Young carers nobody knows about",
              "Children caring for a parent are often unknown to schools and services.",
              "More young carers identified and supported"));

  static final List<Company> COMPANIES =
      List.of(
          new Company("Breathe Sensors Ltd", "L1 8JQ", 12),
          new Company("Kindred Care Tech Ltd", "CH41 5LH", 8),
          new Company("Shared Care Records Ltd", "WA1 1AA", 23),
          new Company("Mersey Mould Watch Ltd", "L3 9PP", 5),
          new Company("Appointment Buddy Ltd", "L8 7LY", 14),
          new Company("HomeFirst Discharge Ltd", "CH62 3PE", 31),
          new Company("Chatter Cafe CIC", "WA9 1LN", 6),
          new Company("Upstairs Living Ltd", "L2 2DP", 18),
          new Company("FixItEarly Ltd", "L20 3NJ", 9),
          new Company("Little Steps Childcare Tech Ltd", "L36 9YU", 11),
          new Company("Young Carers Connect Ltd", "WA7 1HG", 7),
          new Company("Damp Data Co Ltd", "L15 0EE", 4),
          new Company("RideToCare Ltd", "L4 0TH", 27),
          new Company("CareCircle Digital Ltd", "CH43 7QP", 15),
          new Company("Flatstack Homes Ltd", "L1 4DQ", 40),
          new Company("Tenant Voice Ltd", "PR8 1DB", 10),
          new Company("Nursery Navigator Ltd", "L35 2XU", 8),
          new Company("SchoolSide Support Ltd", "WA8 7QX", 13),
          new Company("WarmWalls Analytics Ltd", "L17 8XY", 21),
          new Company("Neighbourly Calls Ltd", "CH44 6QJ", 9),
          new Company("Clinic Compass Ltd", "L9 7AL", 16),
          new Company("Good Repair Robotics Ltd", "L30 4UZ", 26),
          new Company("FamilyLink Apps Ltd", "WA10 1HJ", 12),
          new Company("Open Door Lettings Tech Ltd", "L7 8TX", 19));

  static final List<String> JUDGES =
      List.of(
          "Dr Amira Hassan",
          "Ben Okoro",
          "Catherine Lloyd",
          "Dev Sharma",
          "Eleanor Price",
          "Farid Khan",
          "Grace Mullen");

  static final List<String> JUDGE_ORGANISATIONS =
      List.of(
          "Liverpool City Region Combined Authority",
          "Innovate North West",
          "University of Liverpool",
          "Merseyside Social Enterprise Network",
          "Cheshire and Merseyside Health Innovation");
}
