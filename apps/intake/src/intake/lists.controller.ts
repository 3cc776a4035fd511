import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { assertMayWriteList, type Principal } from '@redcrowd/auth';
import { DomainError, type ListKind, type ListRejected } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ListIntakeService, type HttpSubmissionResult } from './list-intake.service';

/**
 * HTTP submission for units and communities without a Kafka client. Bodies arrive as raw
 * bytes so that the exact validation Kafka messages get (size, JSON, schema) applies here
 * too; the signed-in caller must be the list's submitter or its alliance's coordinator.
 */
@Controller()
export class ListsController {
  constructor(private readonly intake: ListIntakeService) {}

  @Post('resource-lists')
  @Allow('unit', 'coordinator', 'admin')
  @HttpCode(200)
  async submitResourceList(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('resource', caller, body, response);
  }

  @Post('demand-lists')
  @Allow('community', 'unit', 'coordinator', 'admin')
  @HttpCode(200)
  async submitDemandList(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('demand', caller, body, response);
  }

  /**
   * A stored or unchanged list answers 201 or 200 with its lists.accepted.v1 event (whose
   * `membership` says whether the submitter still awaits admission). A refusal answers like
   * every error, with its lists.rejected.v1 event under `rejection`: invalid-list, or
   * not-a-member when the submitter is not an admitted member of the alliance.
   */
  private async answer(kind: ListKind, caller: Principal, body: unknown, response: Response) {
    const result = await this.intake.submitOverHttp(kind, Buffer.isBuffer(body) ? body : null, (list) =>
      assertMayWriteList(caller, list),
    );
    const { answer } = result;
    if (answer.type === 'accepted') {
      response.status(answer.event.outcome === 'stored' ? 201 : 200);
      return answer.event;
    }
    throw refusalOf(result.status, answer.event);
  }
}

function refusalOf(status: HttpSubmissionResult['status'], event: ListRejected): DomainError {
  if (status === 'unavailable') {
    return new DomainError(
      'unavailable',
      'the list could not be stored now; nothing was kept, send it again later',
      {
        problems: event.problems,
        attachments: { rejection: event },
      },
    );
  }
  // A list from a submitter the alliance has not admitted: one problem, which says why.
  const notAMember = event.problems.find((problem) => problem.code === 'not-a-member');
  if (notAMember) {
    return new DomainError('not-a-member', notAMember.message, {
      problems: event.problems,
      attachments: { rejection: event },
    });
  }
  const count = event.problems.length;
  return new DomainError(
    'invalid-list',
    `the list was refused with ${count === 1 ? 'a problem' : `${count} problems`}: ${event.problems
      .slice(0, 3)
      .map((problem) => problem.message)
      .join('; ')}${count > 3 ? '; …' : ''}`,
    { problems: event.problems, attachments: { rejection: event } },
  );
}
