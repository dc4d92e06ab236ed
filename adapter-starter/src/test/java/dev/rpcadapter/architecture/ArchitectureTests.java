package dev.rpcadapter.architecture;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of the library modules (core, queue, security, mcp, starter), checked
 * on their compiled classes in the spirit of Spring Boot's own architecture checks.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.rpcadapter");

	/** The packages of adapter-core: plain Java + Jackson + Reactor, no Spring. */
	private static final String[] CORE = { "dev.rpcadapter.jsonrpc..", "dev.rpcadapter.command..",
			"dev.rpcadapter.schema..", "dev.rpcadapter.dispatch..", "dev.rpcadapter.discovery..",
			"dev.rpcadapter.health..", "dev.rpcadapter.transfer..", "dev.rpcadapter.method..",
			"dev.rpcadapter.support.." };

	@Test
	void noPackageTangles() {
		slices().matching("dev.rpcadapter.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void internalPackagesAreUsedOnlyInTheirOwnModule() {
		classes().should(onlyUseInternalPackagesOfTheirOwnModule()).check(CLASSES);
	}

	@Test
	void coreDoesNotDependOnSpring() {
		noClasses().that()
			.resideInAnyPackage(CORE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(CLASSES);
	}

	@Test
	void transportsDoNotDependOnAutoConfiguration() {
		noClasses().that()
			.resideInAnyPackage("dev.rpcadapter.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.rpcadapter.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void beanMethodsAreNotConditionalOnClass() {
		noMethods().that()
			.areAnnotatedWith(Bean.class)
			.should()
			.beAnnotatedWith(ConditionalOnClass.class)
			.because("the class must be checked before the method's signature is loaded: "
					+ "put the condition on a nested @Configuration class")
			.check(CLASSES);
	}

	@Test
	void postProcessorBeanMethodsAreStatic() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.and()
			.haveRawReturnType(assignableTo(BeanPostProcessor.class).or(assignableTo(BeanFactoryPostProcessor.class)))
			.should()
			.beStatic()
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void autoConfigurationsArePublicFinalAndLiveInAutoconfigurePackages() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.andShould()
			.resideInAPackage("dev.rpcadapter.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void publicTypeNamesAreUniqueAcrossModules() {
		classes().that().arePublic().and().areTopLevelClasses().should(haveAUniqueSimpleName()).check(CLASSES);
	}

	/** {@code a.b.internal.X} may be used from {@code a.b} and below only. */
	private static ArchCondition<JavaClass> onlyUseInternalPackagesOfTheirOwnModule() {
		return new ArchCondition<>("only use internal packages of their own module") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					int internal = target.indexOf(".internal");
					if (internal > 0 && !origin.getPackageName().startsWith(target.substring(0, internal))) {
						events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
					}
				}
			}
		};
	}

	private static ArchCondition<JavaClass> haveAUniqueSimpleName() {
		Map<String, List<String>> publicTypesByName = CLASSES.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.collect(Collectors.groupingBy(JavaClass::getSimpleName,
					Collectors.mapping(JavaClass::getName, Collectors.toList())));
		return new ArchCondition<>("have a simple name no other public type of the adapter has") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				List<String> same = publicTypesByName.getOrDefault(type.getSimpleName(), List.of());
				if (same.size() > 1) {
					events.add(SimpleConditionEvent.violated(type,
							type.getName() + " shares its simple name with " + same));
				}
			}
		};
	}

}
