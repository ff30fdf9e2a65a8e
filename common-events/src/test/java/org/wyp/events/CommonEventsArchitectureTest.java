package org.wyp.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract module stays free of frameworks so every service can depend on it. */
@AnalyzeClasses(packages = "org.wyp.events", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonEventsArchitectureTest {

  @ArchTest
  static final ArchRule noSpring =
      noClasses()
          .that()
          .resideInAPackage("org.wyp.events..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule noKafka =
      noClasses()
          .that()
          .resideInAPackage("org.wyp.events..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.kafka..");

  @ArchTest
  static final ArchRule eventsAreRecords =
      classes()
          .that()
          .areAssignableTo(DomainEvent.class)
          .and()
          .areNotInterfaces()
          .and()
          .doNotHaveModifier(JavaModifier.ABSTRACT)
          .should()
          .beRecords();
}
