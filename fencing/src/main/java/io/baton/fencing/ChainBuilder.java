package io.baton.fencing;

import io.baton.config.ConfigProblem;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Parses a NameNode's fencing methods and creates each one, collecting every problem. */
final class ChainBuilder {
  /** A configured method, ready to run. */
  record Step(MethodSpec spec, FenceMethod method) {}

  record Built(List<Step> steps, List<ConfigProblem> problems) {}

  private ChainBuilder() {}

  static Built build(DeploymentConfig deployment, NameNodeConfig target) {
    return build(deployment, target, target.qualifiedId());
  }

  /** @param label how problems name the NameNode(s) this configuration belongs to */
  static Built build(DeploymentConfig deployment, NameNodeConfig target, String label) {
    MethodsParser.Result parsed = MethodsParser.parse(target.fencing().methods());
    record Numbered(int line, ConfigProblem problem) {}
    List<Numbered> problems = new ArrayList<>();
    for (MethodsParser.LineProblem p : parsed.problems()) {
      problems.add(new Numbered(p.line(),
          ConfigProblem.of(MethodFactory.METHODS_KEY, where(label, p.line()) + p.message(), p.fix())));
    }
    MethodFactory factory = new MethodFactory(deployment, target);
    List<Step> steps = new ArrayList<>();
    for (MethodSpec spec : parsed.methods()) {
      try {
        steps.add(new Step(spec, factory.create(spec)));
      } catch (BadMethodException e) {
        problems.add(new Numbered(spec.line(),
            ConfigProblem.of(e.key(), where(label, spec.line()) + e.getMessage(), e.fix())));
      }
    }
    return new Built(List.copyOf(steps), problems.stream()
        .sorted(Comparator.comparingInt(Numbered::line)).map(Numbered::problem).toList());
  }

  private static String where(String label, int line) {
    return "fencing of " + label + ", line " + line + ": ";
  }
}
