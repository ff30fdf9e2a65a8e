package org.wyp.judgingservice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.wyp.kit.testing.ArchitectureRules;

@AnalyzeClasses(
    packages = "org.wyp.judgingservice",
    importOptions = ImportOption.DoNotIncludeTests.class)
class JudgingServiceArchitectureTest {

  @ArchTest
  static final ArchRule controllersDoNotUseRepositories =
      ArchitectureRules.controllersDoNotUseRepositories();

  @ArchTest
  static final ArchRule noOtherServiceImports =
      ArchitectureRules.noImportsFromOtherServices("org.wyp.judgingservice");
}
