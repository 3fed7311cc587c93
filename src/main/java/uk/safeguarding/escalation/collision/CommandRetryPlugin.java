package uk.safeguarding.escalation.collision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's step on a case (start, claim, complete, submit a form) that meets another transaction
 * on the same case (a deadline timer firing, a colleague saving) loses the optimistic-locking race
 * and is rolled back whole. It is then simply run again, a few times, before anyone is told: the
 * retry reads the case afresh, so it either succeeds or fails for a reason the person can act on.
 *
 * <p>Only outermost commands of that kind are retried (never a command nested in another, never one
 * inside a caller's own transaction, never a job: the job executor retries jobs itself).
 */
@Component
public class CommandRetryPlugin extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 4;

  static final Set<Class<?>> RETRYABLE = Set.of(StartProcessInstanceCmd.class, SubmitStartFormCmd.class,
      ClaimTaskCmd.class, AssignTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class, ResolveTaskCmd.class);

  private static final Logger LOG = LoggerFactory.getLogger(CommandRetryPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new RetryInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Outside the transaction interceptor: each attempt has its own transaction and command context. */
  static class RetryInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!RETRYABLE.contains(command.getClass()) || Context.getCommandContext() != null
          || TransactionSynchronizationManager.isActualTransactionActive()) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (RuntimeException e) {
          if (attempt >= ATTEMPTS || !isCollision(e)) {
            throw e;
          }
          LOG.info("{} met a concurrent change of the same case (attempt {}); running it again",
              command.getClass().getSimpleName(), attempt);
          pause(attempt);
        }
      }
    }
  }

  static boolean isCollision(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /** A short, growing, jittered pause, so that two colliding callers do not collide again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
